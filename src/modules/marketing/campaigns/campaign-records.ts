import { and, asc, eq, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { type Actor, recordAudit } from '../../access/index.ts';
import { marketingCampaigns } from '../schema.ts';
import { type CampaignInput, type CheckedCampaign, campaignInput, checkCampaign } from './campaign-input.ts';

export type Campaign = typeof marketingCampaigns.$inferSelect;

/**
 * Campaigns' rows: create, change, delete (each audited with before and after, in one
 * transaction), list and read. A campaign's name and utm_campaign are each unique in the store,
 * without regard to case, because sessions and ad spend are matched to campaigns by them.
 */
export async function listCampaigns(db: Db, storeId: string): Promise<Campaign[]> {
  return db
    .select()
    .from(marketingCampaigns)
    .where(eq(marketingCampaigns.storeId, storeId))
    .orderBy(asc(marketingCampaigns.startsOn), asc(marketingCampaigns.name));
}

export async function getCampaign(db: Db, storeId: string, id: string): Promise<Campaign> {
  const [row] = await db
    .select()
    .from(marketingCampaigns)
    .where(and(eq(marketingCampaigns.storeId, storeId), eq(marketingCampaigns.id, id)));
  if (!row) throw notFound('Campaign', { id });
  return row;
}

export async function createCampaign(
  db: Db,
  actor: Actor,
  storeId: string,
  input: CampaignInput,
): Promise<Campaign> {
  const checked = checkCampaign(campaignInput.parse(input));
  return db.transaction(async (tx) => {
    await refuseTakenTags(tx, storeId, checked, null);
    const [row] = await tx
      .insert(marketingCampaigns)
      .values({ id: newId('marketingCampaign'), storeId, ...checked })
      .returning();
    await recordAudit(tx, actor, {
      storeId,
      action: 'marketing.campaign.create',
      entityType: 'marketing_campaign',
      entityId: row!.id,
      after: row,
    });
    return row!;
  });
}

export async function updateCampaign(
  db: Db,
  actor: Actor,
  storeId: string,
  id: string,
  input: CampaignInput,
): Promise<Campaign> {
  const checked = checkCampaign(campaignInput.parse(input));
  return db.transaction(async (tx) => {
    const before = await lockedCampaign(tx, storeId, id);
    await refuseTakenTags(tx, storeId, checked, id);
    const [row] = await tx
      .update(marketingCampaigns)
      .set({ ...checked, updatedAt: new Date() })
      .where(eq(marketingCampaigns.id, id))
      .returning();
    await recordAudit(tx, actor, {
      storeId,
      action: 'marketing.campaign.update',
      entityType: 'marketing_campaign',
      entityId: id,
      before,
      after: row,
    });
    return row!;
  });
}

/** Deletes the plan only: the campaign's sessions and ad spend stay, reported under its tag. */
export async function deleteCampaign(db: Db, actor: Actor, storeId: string, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await lockedCampaign(tx, storeId, id);
    await tx.delete(marketingCampaigns).where(eq(marketingCampaigns.id, id));
    await recordAudit(tx, actor, {
      storeId,
      action: 'marketing.campaign.delete',
      entityType: 'marketing_campaign',
      entityId: id,
      before,
    });
  });
}

async function lockedCampaign(tx: Db, storeId: string, id: string): Promise<Campaign> {
  const [row] = await tx
    .select()
    .from(marketingCampaigns)
    .where(and(eq(marketingCampaigns.storeId, storeId), eq(marketingCampaigns.id, id)))
    .for('update');
  if (!row) throw notFound('Campaign', { id });
  return row;
}

/** 409 `campaign_exists` when another campaign of the store has the name or utm_campaign. */
async function refuseTakenTags(tx: Db, storeId: string, campaign: CheckedCampaign, id: string | null) {
  const [taken] = await tx
    .select({ id: marketingCampaigns.id, name: marketingCampaigns.name })
    .from(marketingCampaigns)
    .where(
      and(
        eq(marketingCampaigns.storeId, storeId),
        id ? ne(marketingCampaigns.id, id) : undefined,
        or(
          sql`lower(${marketingCampaigns.name}) = lower(${campaign.name})`,
          sql`lower(${marketingCampaigns.utmCampaign}) = lower(${campaign.utmCampaign})`,
        ),
      ),
    )
    .limit(1);
  if (taken) {
    throw conflict('campaign_exists', `The campaign "${taken.name}" already has this name or utm_campaign.`, {
      campaignId: taken.id,
    });
  }
}
