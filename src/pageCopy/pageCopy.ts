// A link opened again paints at once: the page as it was first painted on the last visit of
// that link (same build, same bundled data, same window) is shown from localStorage as soon as
// the app's code runs, before its data and boundaries arrive and it renders. The app renders
// hidden beneath it and takes its place, the same HTML, in the task after its own first view
// is painted. The copy lives in a closed shadow root with its own copy of the style rules, so
// it needs nothing from the network and the app's ids and queries never meet it; clicks on it
// wait and are handed to the app's same element once it shows.
import { afterFrame } from '../util/afterFrame.ts'
import { fits, readPageCopy, writePageCopy, type PageCopy } from './store.ts'

export interface PageCopyOptions {
  /** The element the app mounts in. */
  root: HTMLElement
  /** localStorage, or null where the browser refuses it. */
  storage: Storage | null
  /** The build's identity. */
  build: string
  /** The fingerprint of the data the build bundles: only a copy of that data is shown. */
  bundled: string
  /** Whether a copy may be shown before the data is known (nothing says the user's own data is kept). */
  mayShow: () => boolean
  /** The app is shown at the latest this long after the copy, whatever it has painted. */
  maxShownMs: number
}

export interface PageCopies {
  /** A copy is on screen. */
  readonly shown: boolean
  /**
   * Where the fingerprint of the data the app shows comes from; null for data no copy may
   * show (a user's own). A copy shown for other data gives way at once.
   */
  setData(data: () => Promise<string | null>): void
  /** The app has painted its first view: it takes the copy's place, and is copied for the next visit. */
  painted(): void
  /** The app takes the copy's place now: another page was opened. */
  reveal(why: RevealReason): void
}

/**
 * Why the app took the copy's place, the detail of the mark `page-copy-gone`: its first view
 * was painted, another page was opened, the data differs from the copy's (or could not be
 * read), or the copy was shown for PageCopyOptions.maxShownMs.
 */
export type RevealReason = 'painted' | 'navigation' | 'data' | 'timeout'

/** A click on the copy: the element's place under the root, checked by its tag and text. */
interface Click {
  path: number[]
  tag: string
  text: string
}

const textOf = (el: Element) => (el.textContent ?? '').trim().slice(0, 200)

function pathOf(el: Element, top: Element): number[] {
  const path: number[] = []
  for (let at = el; at !== top && at.parentElement; at = at.parentElement)
    path.unshift([...at.parentElement.children].indexOf(at))
  return path
}

function elementAt(root: Element, click: Click): Element | null {
  let at: Element | undefined = root
  for (const i of click.path) at = at?.children[i]
  return at && at.tagName === click.tag && textOf(at) === click.text ? at : null
}

/** The root's inner HTML with what the user set (options chosen, boxes ticked, text typed) as attributes. */
function htmlWithState(root: HTMLElement): string {
  const copy = root.cloneNode(true) as HTMLElement
  const live = root.querySelectorAll('option, input, textarea')
  const cloned = copy.querySelectorAll('option, input, textarea')
  live.forEach((el, i) => {
    const to = cloned[i]!
    if (el instanceof HTMLOptionElement) to.toggleAttribute('selected', el.selected)
    else if (el instanceof HTMLInputElement) {
      to.toggleAttribute('checked', el.checked)
      if (el.type !== 'checkbox' && el.type !== 'radio') to.setAttribute('value', el.value)
    } else if (el instanceof HTMLTextAreaElement) to.textContent = el.value
  })
  return copy.innerHTML
}

/** The rules of the document's style sheets, in order. */
function documentCss(): string {
  return [...document.styleSheets].map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('\n')).join('\n')
}

/** The copy in a closed shadow root after `root`; clicks on it are kept in `clicks`. */
function showCopy(root: HTMLElement, copy: PageCopy, clicks: Click[]): HTMLElement {
  const host = document.createElement('div')
  host.style.cssText = 'position:absolute;top:0;left:0;width:100%'
  const shadow = host.attachShadow({ mode: 'closed' })
  const rules = new CSSStyleSheet()
  rules.replaceSync(copy.css)
  shadow.adoptedStyleSheets = [rules]
  const page = document.createElement('div')
  page.id = root.id
  page.setAttribute('aria-busy', 'true')
  page.innerHTML = copy.html
  page.addEventListener('mousedown', (e) => e.preventDefault(), true)
  page.addEventListener(
    'click',
    (e) => {
      e.preventDefault()
      e.stopPropagation()
      if (e.target instanceof Element)
        clicks.push({ path: pathOf(e.target, page), tag: e.target.tagName, text: textOf(e.target) })
    },
    true,
  )
  shadow.append(page)
  root.after(host)
  return host
}

/**
 * Shows the copy of this link, if one fits, until the app has painted (`painted`), another
 * page is opened (`reveal`), the data is seen to differ, or maxShownMs have passed; sets the
 * mark `page-copy-painted` after the frame that shows it and `page-copy-gone` when it goes.
 */
export function startPageCopies(options: PageCopyOptions): PageCopies {
  const { root, storage, build } = options
  const hash = location.hash
  const window_ = { width: innerWidth, height: innerHeight }
  const candidate = storage && options.mayShow() ? readPageCopy(storage, hash) : null
  const clicks: Click[] = []
  let host: HTMLElement | null = null
  /** The copy shown is of this build, data and window: the app's first view is the same page. */
  let current = candidate !== null && fits(candidate, { build, data: options.bundled, ...window_ })
  let copied = false
  let data: () => Promise<string | null> = () => Promise.resolve(null)

  function reveal(why: RevealReason): void {
    if (!host) return
    performance.mark('page-copy-gone', { detail: why })
    host.remove()
    host = null
    root.style.visibility = ''
    for (const click of clicks.splice(0))
      elementAt(root, click)?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }))
  }

  /** Keeps the app's first view for the next visit of this link, in a task of its own. */
  function copy(): void {
    const html = htmlWithState(root)
    const css = documentCss()
    void data()
      .then(
        (d) => d !== null && setTimeout(() => writePageCopy(storage!, hash, { build, data: d, ...window_, css, html })),
      )
      .catch(() => undefined)
  }

  if (candidate && current) {
    root.style.visibility = 'hidden'
    host = showCopy(root, candidate, clicks)
    setTimeout(() => reveal('timeout'), options.maxShownMs)
    void afterFrame().then(() => host && performance.mark('page-copy-painted'))
  }

  return {
    get shown() {
      return host !== null
    },
    setData(source) {
      data = source
      const differs = () => {
        current = false
        reveal('data')
      }
      if (candidate) data().then((d) => d === candidate.data || differs(), differs)
    },
    reveal,
    painted() {
      reveal('painted')
      if (copied) return
      copied = true
      if (storage && location.hash === hash && !current) copy()
    },
  }
}
