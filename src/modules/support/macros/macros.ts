import { and, asc, eq } from 'drizzle-orm';
import { now } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { conflict, isUniqueViolation, notFound } from '../../../platform/errors.ts';
import { emitEvent } from '../../../platform/events/index.ts';
import { newId } from '../../../platform/ids.ts';
import { type Actor, recordAudit } from '../../access/index.ts';
import { type MacroInput, macroInput } from './macro-input.ts';
import { checkMacroText } from './macro-template.ts';
import { type MacroRow, supportMacros } from './schema.ts';

export type Macro = Omit<MacroRow, 'storeId'>;

const macroOf = ({ storeId: _store, ...macro }: MacroRow): Macro => macro;

/** The store's macros by name. */
export async function listMacros(db: Db, storeId: string): Promise<Macro[]> {
  const rows = await db
    .select()
    .from(supportMacros)
    .where(eq(supportMacros.storeId, storeId))
    .orderBy(asc(supportMacros.name), asc(supportMacros.id));
  return rows.map(macroOf);
}

export async function getMacro(db: Db, storeId: string, macroId: string): Promise<Macro> {
  const [row] = await db
    .select()
    .from(supportMacros)
    .where(and(eq(supportMacros.storeId, storeId), eq(supportMacros.id, macroId)));
  if (!row) throw notFound('Macro', { id: macroId });
  return macroOf(row);
}

/** Parses and checks a macro: every text parses and uses only the documented variables. */
function checkedInput(input: MacroInput) {
  const data = macroInput.parse(input);
  checkMacroText(data.body, 'body');
  for (const [locale, body] of Object.entries(data.localeBodies))
    checkMacroText(body, `localeBodies.${locale}`);
  return data;
}

function nameTaken(err: unknown): never {
  if (isUniqueViolation(err)) {
    throw conflict('macro_name_taken', 'Another macro of this store has this name.', { path: 'name' });
  }
  throw err;
}

export async function createMacro(db: Db, storeId: string, actor: Actor, input: MacroInput): Promise<Macro> {
  const data = checkedInput(input);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(supportMacros)
        .values({ id: newId('supportMacro'), storeId, ...data })
        .returning();
      const macro = macroOf(row!);
      await recordAudit(tx, actor, {
        storeId,
        action: 'support.macro_created',
        entityType: 'support_macro',
        entityId: macro.id,
        before: null,
        after: macro,
      });
      await emitEvent(tx, { storeId, type: 'support.macro_created', payload: { macroId: macro.id } });
      return macro;
    });
  } catch (err) {
    return nameTaken(err);
  }
}

/** Replaces a macro's name, texts, keywords and actions. */
export async function updateMacro(
  db: Db,
  storeId: string,
  actor: Actor,
  macroId: string,
  input: MacroInput,
): Promise<Macro> {
  const data = checkedInput(input);
  try {
    return await db.transaction(async (tx) => {
      const before = await getMacro(tx, storeId, macroId);
      const [row] = await tx
        .update(supportMacros)
        .set({ ...data, updatedAt: now() })
        .where(and(eq(supportMacros.storeId, storeId), eq(supportMacros.id, macroId)))
        .returning();
      const macro = macroOf(row!);
      await recordAudit(tx, actor, {
        storeId,
        action: 'support.macro_updated',
        entityType: 'support_macro',
        entityId: macroId,
        before,
        after: macro,
      });
      await emitEvent(tx, { storeId, type: 'support.macro_updated', payload: { macroId } });
      return macro;
    });
  } catch (err) {
    return nameTaken(err);
  }
}

export async function deleteMacro(db: Db, storeId: string, actor: Actor, macroId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getMacro(tx, storeId, macroId);
    await tx
      .delete(supportMacros)
      .where(and(eq(supportMacros.storeId, storeId), eq(supportMacros.id, macroId)));
    await recordAudit(tx, actor, {
      storeId,
      action: 'support.macro_deleted',
      entityType: 'support_macro',
      entityId: macroId,
      before,
      after: null,
    });
    await emitEvent(tx, { storeId, type: 'support.macro_deleted', payload: { macroId } });
  });
}
