import { eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import type { Actor } from '../../access/index.ts';
import type { MacroInput } from './macro-input.ts';
import { createMacro, type Macro } from './macros.ts';
import { supportMacros } from './schema.ts';

/** The answers almost every shop writes daily, to start from (the store edits or deletes them). */
export const defaultMacros: MacroInput[] = [
  {
    name: 'Where is my order',
    keywords: [
      'where is my order',
      'wismo',
      'tracking',
      'track',
      'not arrived',
      'not received',
      'delivery',
      'shipped',
    ],
    body: `Hi {{ customer_first_name | default: "there" }},

thank you for your message. {% if tracking_url %}Your order {{ order_number }} is on its way: you can follow the parcel here:
{{ tracking_url }}{% else %}Your order {{ order_number }} has not left our warehouse yet; you will receive the tracking link as soon as it ships.{% endif %}

You can always see its status at {{ order_status_url }}

Best regards,
{{ agent_name }}
{{ store_name }}`,
    localeBodies: {
      de: `Hallo {{ customer_first_name | default: "" }},

danke für Ihre Nachricht. {% if tracking_url %}Ihre Bestellung {{ order_number }} ist unterwegs. Hier können Sie das Paket verfolgen:
{{ tracking_url }}{% else %}Ihre Bestellung {{ order_number }} hat unser Lager noch nicht verlassen; den Link zur Sendungsverfolgung erhalten Sie, sobald sie versandt ist.{% endif %}

Den Stand Ihrer Bestellung sehen Sie jederzeit unter {{ order_status_url }}

Viele Grüße
{{ agent_name }}
{{ store_name }}`,
    },
    actions: { status: 'pending' },
  },
  {
    name: 'Return request',
    keywords: ['return', 'send back', 'refund', 'exchange', 'wrong size', 'does not fit'],
    body: `Hi {{ customer_first_name | default: "there" }},

sorry that it did not work out. You can start the return for order {{ order_number }} here:
{{ return_url }}

Once the parcel is back with us we refund you within a few days.

Best regards,
{{ agent_name }}
{{ store_name }}`,
    actions: { status: 'pending', addTags: ['return'] },
  },
  {
    name: 'Damaged item',
    keywords: ['damaged', 'broken', 'defective', 'arrived broken', 'faulty'],
    body: `Hi {{ customer_first_name | default: "there" }},

we are sorry the item arrived damaged. Could you send us a photo of the item and of the parcel? We will then send a replacement or refund you, as you prefer.

Best regards,
{{ agent_name }}
{{ store_name }}`,
    actions: { status: 'pending', addTags: ['damaged'] },
  },
  {
    name: 'Thanks, solved',
    keywords: ['thank you', 'thanks', 'all good', 'received it'],
    body: `Hi {{ customer_first_name | default: "there" }},

glad we could help. If anything else comes up, just reply to this e-mail.

Best regards,
{{ agent_name }}
{{ store_name }}`,
    actions: { status: 'solved' },
  },
];

/**
 * Adds the default macros whose names the store does not use yet (a second call adds nothing): the
 * demo seed and the macros screen's "Add the suggested macros" use it.
 */
export async function addDefaultMacros(db: Db, storeId: string, actor: Actor): Promise<Macro[]> {
  const taken = new Set(
    (
      await db
        .select({ name: supportMacros.name })
        .from(supportMacros)
        .where(eq(supportMacros.storeId, storeId))
    ).map((m) => m.name.toLowerCase()),
  );
  const created: Macro[] = [];
  for (const input of defaultMacros) {
    if (!taken.has(input.name.toLowerCase())) created.push(await createMacro(db, storeId, actor, input));
  }
  return created;
}
