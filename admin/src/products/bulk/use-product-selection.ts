import { useState } from 'react';

/**
 * Rows picked in the product list, or "every product the filter matches". Changing the filter
 * clears the selection, so an action never reaches products the person did not see selected.
 */
export function useProductSelection(filterKey: string) {
  const [state, setState] = useState<{ key: string; ids: ReadonlySet<string>; allMatching: boolean }>({
    key: filterKey,
    ids: new Set(),
    allMatching: false,
  });
  const current =
    state.key === filterKey ? state : { key: filterKey, ids: new Set<string>(), allMatching: false };
  const set = (ids: ReadonlySet<string>, allMatching = false) =>
    setState({ key: filterKey, ids, allMatching });
  return {
    ids: current.ids,
    allMatching: current.allMatching,
    toggle(id: string) {
      const next = new Set(current.ids);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      set(next);
    },
    /** Selects or clears every row of the page. */
    togglePage(pageIds: string[]) {
      const all = pageIds.every((id) => current.ids.has(id));
      const next = new Set(current.ids);
      for (const id of pageIds) {
        if (all) next.delete(id);
        else next.add(id);
      }
      set(next);
    },
    selectAllMatching: () => set(current.ids, true),
    clear: () => set(new Set()),
  };
}
