/** The support API's answers (docs/support.md), as the inbox screens use them. */

export const ticketStatuses = ['new', 'open', 'pending', 'solved', 'closed'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];
export const ticketPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof ticketPriorities)[number];

export interface TicketRow {
  id: string;
  number: number;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  assigneeId: string | null;
  requesterEmail: string;
  requesterName: string | null;
  customerId: string | null;
  orderId: string | null;
  channel: string;
  tags: string[];
  messageCount: number;
  awaitingReply: boolean;
  lastMessageAt: string;
  firstResponseAt: string | null;
  createdAt: string;
  /** Where the ticket stands against the store's SLA (docs/support.md, "SLAs"). */
  sla?: { firstResponse: SlaClock; resolution: SlaClock };
}

/** One SLA clock: when it is due, and met, missed, running, due soon or breached (business minutes left). */
export interface SlaClock {
  dueAt: string;
  state: string;
  minutesLeft: number | null;
}

export interface TicketPage {
  items: TicketRow[];
  nextCursor: string | null;
}

export interface TicketAttachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

export interface TicketMessage {
  id: string;
  kind: 'inbound' | 'outbound' | 'note';
  authorUserId: string | null;
  authorLabel: string;
  fromEmail: string | null;
  bodyText: string;
  bodyHtml: string | null;
  createdAt: string;
  attachments: TicketAttachment[];
}

export interface Ticket extends TicketRow {
  mergedIntoId: string | null;
  solvedAt: string | null;
}

export interface TicketDetail {
  ticket: Ticket;
  messages: TicketMessage[];
  customer: { id: string; email: string; firstName: string | null; lastName: string | null } | null;
}

export interface SidebarOrderLine {
  id: string;
  title: string;
  variantTitle: string | null;
  quantity: number;
  total: number;
  refundedQuantity?: number;
}

export interface SidebarParcel {
  id: string;
  status: string;
  carrier: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  shippedAt: string;
  cancelledAt: string | null;
}

export interface SidebarOrder {
  id: string;
  number: number | null;
  placedAt: string | null;
  createdAt: string;
  currency: string;
  total: number;
  refundedAmount: number;
  status: string;
  financialStatus: string;
  fulfilmentStatus: string;
  lines: SidebarOrderLine[];
  fulfilments: SidebarParcel[];
  refunds: { id: string; amount: number; createdAt: string }[];
  returns: { id: string; status: string }[];
}

export interface TicketContext {
  customer: {
    summary: {
      id: string;
      email: string;
      firstName: string | null;
      lastName: string | null;
      state: string;
      tags: string[];
      orderCount: number;
      totalSpent: number;
      locale: string | null;
    };
    groups: { id: string; name: string }[];
  } | null;
  orders: SidebarOrder[];
}

export interface MacroActions {
  status?: 'open' | 'pending' | 'solved';
  addTags?: string[];
}

export interface Macro {
  id: string;
  name: string;
  body: string;
  localeBodies: Record<string, string>;
  keywords: string[];
  actions: MacroActions;
  updatedAt: string;
}

export interface MacroList {
  items: Macro[];
  variables: { name: string; description: string }[];
}

export type MacroPart = { text: string } | { missing: string };

export interface RenderedMacro {
  text: string;
  parts: MacroPart[];
  missing: string[];
  locale: string;
  actions: MacroActions;
}

export interface MacroSuggestion {
  macro: { id: string; name: string };
  score: number;
  matched: string[];
}
