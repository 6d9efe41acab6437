import type { Product } from '../../api/types.ts';

/** Shapes of the catalog workflow API (src/modules/catalog/workflow). */

export type WorkflowState = 'draft' | 'in_review' | 'approved' | 'published' | 'unpublished' | 'archived';
export type RevisionState =
  | 'draft'
  | 'in_review'
  | 'changes_requested'
  | 'approved'
  | 'published'
  | 'discarded';

export interface ActorRef {
  type: string;
  id: string | null;
  label: string;
}

export interface ValueChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface ItemChange {
  label: string;
  change: 'added' | 'removed' | 'changed' | 'moved';
  fields: ValueChange[];
}

export type FieldChange =
  | { field: string; kind: 'text'; before: string | null; after: string | null }
  | { field: 'tags'; kind: 'tags'; before: string[]; after: string[]; added: string[]; removed: string[] }
  | {
      field: 'price';
      kind: 'price';
      before: { min: number; max: number } | null;
      after: { min: number; max: number } | null;
    }
  | {
      field: 'options';
      kind: 'options';
      before: { name: string; values: string[] }[];
      after: { name: string; values: string[] }[];
    }
  | { field: 'variants' | 'images'; kind: 'list'; items: ItemChange[] }
  | { field: string; kind: 'translation'; locale: string; items: TranslationPieceChange[] };

/** One translated piece a revision changes: `field` is a text field, `optionName`, `optionValue` or `alt`. */
export interface TranslationPieceChange {
  field: string;
  /** The option, option value ("Colour: Red") or image URL the piece belongs to; null for product text. */
  label: string | null;
  before: string | null;
  after: string | null;
}

export interface ContentDiff {
  against: 'live' | 'nothing';
  currency: string;
  fields: FieldChange[];
}

export interface Revision {
  id: string;
  productId: string;
  number: number;
  kind: 'review' | 'staged';
  state: RevisionState;
  open: boolean;
  changedFields: string[];
  note: string | null;
  reviewComment: string | null;
  fingerprint: string | null;
  createdBy: ActorRef | null;
  createdAt: string;
  submittedBy: ActorRef | null;
  submittedAt: string | null;
  reviewedBy: ActorRef | null;
  reviewedAt: string | null;
  closedBy: ActorRef | null;
  closedAt: string | null;
  updatedAt: string;
  diff: ContentDiff | null;
  /** The product with the staged changes applied (open staged revisions). */
  proposed: Product | null;
}

export interface ProductSchedule {
  id: string;
  productId: string;
  action: 'publish' | 'unpublish';
  state: 'scheduled' | 'done' | 'failed' | 'cancelled';
  localTime: string;
  timezone: string;
  runAt: string;
  outcome: string | null;
  createdBy: ActorRef | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface ProductWorkflow {
  productId: string;
  status: Product['status'];
  state: WorkflowState;
  timezone: string;
  revision: Revision | null;
  schedules: ProductSchedule[];
  recentSchedules: ProductSchedule[];
}

/** What PATCH /products/:id answers: staged edits keep `product` as it is live. */
export interface EditAnswer {
  product: Product;
  staged: boolean;
  revision: Revision | null;
  /** The edit sent a review in progress or approved back to draft: it must be submitted again. */
  reviewReset: boolean;
}
