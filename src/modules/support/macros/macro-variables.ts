/**
 * The variables a macro may use, flat and in snake_case (`{{ tracking_url }}`), with what each
 * holds: the macros screen shows this list as its cheat sheet, saving refuses any other name.
 */
export const macroVariables = {
  customer_first_name: 'The customer’s first name',
  customer_name: 'The customer’s full name',
  order_number: 'The order’s number as the store writes it (#1042)',
  order_status_url: 'Link to the order’s status page on the storefront',
  tracking_number: 'Tracking number of the order’s latest parcel',
  tracking_url: 'Tracking link of the order’s latest parcel',
  return_url: 'Link to the storefront’s return request form for the order',
  store_name: 'The store’s name',
  agent_name: 'The name of the agent answering',
} as const;

export type MacroVariable = keyof typeof macroVariables;
export const macroVariableNames = Object.keys(macroVariables) as MacroVariable[];

/** A ticket's values; null where the ticket has none (no order, no parcel yet …). */
export type MacroValues = Record<MacroVariable, string | null>;
