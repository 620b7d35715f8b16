// Accepted data kept in the browser's IndexedDB until the user clears it.
import { createStore, del, get, set, type UseStore } from 'idb-keyval'
import type { SavedData, SavedDataStore } from './userData.ts'

const KEY = 'user-data'
/** Whether anything is kept, beside it in localStorage: opening IndexedDB in a fresh browser
 * profile takes some 400 ms, which the first view of the bundled data need not wait for. */
const KEPT = 'county-edu-dashboard:user-data'

/** false when nothing is kept; null when localStorage cannot tell (then IndexedDB is asked). */
function kept(): boolean | null {
  try {
    return localStorage.getItem(KEPT) === '1'
  } catch {
    return null
  }
}

/** Whether localStorage says that no data of the user's is kept (the bundled data opens). */
export function nothingKept(): boolean {
  return kept() === false
}

function setKept(value: boolean): void {
  try {
    if (value) localStorage.setItem(KEPT, '1')
    else localStorage.removeItem(KEPT)
  } catch {
    // Without localStorage, IndexedDB is asked at every start.
  }
}

export function indexedDbStore(): SavedDataStore {
  // Opened on first use, not at start.
  let store: UseStore | undefined
  const db = () => (store ??= createStore('county-edu-dashboard', 'saved'))
  return {
    load: async () => (kept() === false ? null : ((await get<SavedData>(KEY, db())) ?? null)),
    save: async (saved) => {
      await set(KEY, saved, db())
      setKept(true)
    },
    clear: async () => {
      await del(KEY, db())
      setKept(false)
    },
  }
}
