/** The store a person worked in last, so the console reopens there. Kept per browser, not per account. */
const storageKey = 'storepilot.admin.lastStore';

export function readLastStore(): string | null {
  try {
    return window.localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

export function rememberLastStore(handle: string): void {
  try {
    window.localStorage.setItem(storageKey, handle);
  } catch {
    // Storage can be unavailable (private mode, quota); forgetting the last store is harmless.
  }
}
