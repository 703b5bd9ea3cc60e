/**
 * FullCalendar's scrolling panes (the time grid, the list) can hold nothing focusable when a range
 * is empty, so a keyboard user could not scroll them (WCAG 2.1.1; axe "scrollable-region-focusable").
 * The panes sit inside FullCalendar's role=table structure, where a focusable plain div is not an
 * allowed child: so the first table cell in the pane becomes focusable instead (focus inside a
 * pane lets the arrow keys scroll it), and the pane itself only when it is outside a table.
 */
const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';
const CELLS = '[role="rowheader"], [role="cell"], [role="gridcell"], [role="columnheader"]';

export function makeScrollersFocusable(root: HTMLElement | null): void {
  if (!root) return;
  for (const el of root.querySelectorAll<HTMLElement>('div')) {
    const { overflowY, overflowX } = getComputedStyle(el);
    const overflows = (/(auto|scroll)/.test(overflowY) && el.scrollHeight > el.clientHeight)
      || (/(auto|scroll)/.test(overflowX) && el.scrollWidth > el.clientWidth);
    if (!overflows || el.querySelector(FOCUSABLE)) continue;
    const cell = el.querySelector<HTMLElement>(CELLS);
    if (cell) cell.tabIndex = 0;
    else if (!el.closest('[role="table"], [role="grid"]')) el.tabIndex = 0;
  }
}
