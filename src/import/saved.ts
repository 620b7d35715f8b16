// Accepted data kept in the browser's IndexedDB until the user clears it.
import { createStore, del, get, set } from 'idb-keyval'
import type { SavedData, SavedDataStore } from '../db/userData.ts'

const KEY = 'user-data'

export function indexedDbStore(): SavedDataStore {
  const store = createStore('county-edu-dashboard', 'saved')
  return {
    load: async () => (await get<SavedData>(KEY, store)) ?? null,
    save: (saved) => set(KEY, saved, store),
    clear: () => del(KEY, store),
  }
}
