import { type Actor, rolePermissions, type Store, type User } from '../modules/access/index.ts';
import { editProduct, findProductByHandle, submitForReview } from '../modules/catalog/index.ts';
import { runAt } from '../platform/clock.ts';
import type { Db } from '../platform/db/database.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** The live product the demo's content editor rewrote (demo-catalog.ts). */
export const demoReviewedProductHandle = 'butter-dish-oak-lid';

/** Her proposal: a sharper title and a fuller description, in the store's plain voice. */
export const demoStagedEdit = {
  title: 'Stoneware Butter Dish with Turned Oak Lid',
  description:
    'Made for a standard 250 g block of butter, with a little room to spare for the knife. The base is ' +
    'thrown stoneware in our matte oat glaze, glazed inside and out so it never takes on the smell of ' +
    'the fridge. The lid is solid European oak, turned by hand and finished with food-safe linseed oil; ' +
    'lift it off, turn it over and it is a small board for serving the butter or a wedge of cheese. ' +
    'Kept on the counter in cooler months, butter stays soft enough to spread straight from the dish. ' +
    'The base goes in the dishwasher. Wipe the lid with a damp cloth and dry it at once, never soak it, ' +
    'and rub in a drop of oil every few months so the wood stays smooth. Each lid is cut from its own ' +
    'piece of oak, so the grain and colour differ a little from the photograph.',
};

/**
 * One product change waiting for approval, as a team's morning has: the demo's content editor (role
 * `content`: she may edit but not publish) rewrote a live product's title and description and sent
 * it for review two days ago. The storefront keeps the live text until a publisher approves it; the
 * owner's briefing and the product list's `?review=waiting` show it.
 */
export async function seedDemoContentReview(
  db: Db,
  store: Store,
  editor: Pick<User, 'id' | 'email'>,
): Promise<void> {
  const writer = {
    // The actor a signed-in editor's requests carry (access/http-auth.ts).
    actor: { type: 'user', id: editor.id, label: editor.email } satisfies Actor,
    canPublish: rolePermissions.content.includes('catalog:publish'),
  };
  const product = await findProductByHandle(db, store.id, demoReviewedProductHandle);
  if (!product) throw new Error(`The demo store ${store.handle} does not sell ${demoReviewedProductHandle}.`);
  const submittedAt = Date.now() - 2 * DAY - 2 * HOUR;
  await runAt(new Date(submittedAt - 40 * 60 * 1000), () =>
    editProduct(db, writer, store.id, product.id, demoStagedEdit),
  );
  await runAt(new Date(submittedAt), () =>
    submitForReview(db, writer, store.id, product.id, {
      note: 'Longer description with the oak lid’s care, and a title that says the lid is turned.',
    }),
  );
}
