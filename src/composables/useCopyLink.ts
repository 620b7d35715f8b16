import { onBeforeUnmount, ref, type Ref } from 'vue'

/**
 * Writes `text` to the clipboard; false when the page has no clipboard (a site on plain http
 * at an intranet address is no secure context: `navigator.clipboard` is undefined there) or
 * the browser refuses, so the caller can offer the text to copy by hand.
 */
export async function writeClipboard(
  text: string,
  nav: Navigator | undefined = globalThis.navigator,
): Promise<boolean> {
  const clipboard = nav?.clipboard as Clipboard | undefined
  if (!clipboard) return false
  try {
    await clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}

export interface CopyLink {
  /** 已复制链接 for a few seconds after a copy, else empty: for a polite status. */
  status: Ref<string>
  /** The link to copy by hand when the clipboard was refused, else null. */
  manual: Ref<string | null>
  copy(): Promise<void>
  /** The user copied the offered link themselves. */
  copiedByHand(): void
  dismiss(): void
}

const SHOWN_MS = 4000

/** Copies the page's whole address (with its hash: the view) and says so; never fails silently. */
export function useCopyLink(): CopyLink {
  const status = ref('')
  const manual = ref<string | null>(null)
  let timer: ReturnType<typeof setTimeout> | undefined
  const say = (text: string) => {
    status.value = text
    clearTimeout(timer)
    timer = setTimeout(() => (status.value = ''), SHOWN_MS)
  }
  async function copy(): Promise<void> {
    const link = window.location.href
    manual.value = null
    if (await writeClipboard(link)) say('已复制链接')
    else manual.value = link
  }
  function copiedByHand(): void {
    manual.value = null
    say('已复制链接')
  }
  onBeforeUnmount(() => clearTimeout(timer))
  return { status, manual, copy, copiedByHand, dismiss: () => (manual.value = null) }
}
