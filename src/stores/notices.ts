import { defineStore } from 'pinia'
import { ref } from 'vue'

export interface Notice {
  id: number
  text: string
}

/** Messages the app owes the user about what it did in their place (e.g. a corrected link), until dismissed. */
export const useNoticeStore = defineStore('notices', () => {
  const notices = ref<Notice[]>([])
  let next = 0

  function add(text: string): void {
    if (!notices.value.some((n) => n.text === text)) notices.value.push({ id: ++next, text })
  }

  function dismiss(id: number): void {
    notices.value = notices.value.filter((n) => n.id !== id)
  }

  return { notices, add, dismiss }
})
