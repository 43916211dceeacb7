/*
 * The few DOM members the browser tests read inside the page. The project compiles without the DOM library (it is a
 * server), so the functions handed to Chromium type their elements with these instead.
 */

export interface PageElement {
  readonly textContent: string | null;
  readonly outerHTML: string;
  readonly nextElementSibling: PageElement | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
}

/** An input, select, textarea or button. */
export interface PageControl extends PageElement {
  readonly value: string;
  readonly labels?: ArrayLike<PageElement> | null;
}

export interface PageTableRow extends PageElement {
  readonly cells: ArrayLike<PageElement>;
}

/** The elements a `$$eval` callback receives, typed for the tests. */
export const asElements = <T extends PageElement>(elements: unknown): T[] => elements as T[];
