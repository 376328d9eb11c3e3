// Grid shape for n cards in a fixed area: the shape whose cards are largest (judged by the
// size a countdown can take in them) wins, so 40 complaints fit on one 1920×1080 screen
// without scrolling and a handful get large cards.

/** Cards look best a little wider than tall; the countdown is a wide line of digits. */
const preferredAspect = 1.35;
const gapPx = 14;
const minColumns = 3;
const minRows = 2;

/**
 * @param {number} count number of cards
 * @param {number} width available width in px
 * @param {number} height available height in px
 * @returns {{ columns: number, rows: number }}
 */
export function fitGrid(count, width, height) {
  if (count <= 0 || width <= 0 || height <= 0) return { columns: minColumns, rows: minRows };
  let best = { columns: 1, rows: count, score: -1 };
  for (let columns = 1; columns <= count; columns++) {
    const rows = Math.ceil(count / columns);
    const cellWidth = (width - gapPx * (columns - 1)) / columns;
    const cellHeight = (height - gapPx * (rows - 1)) / rows;
    if (cellWidth <= 0 || cellHeight <= 0) continue;
    // The usable card is limited by whichever side is short relative to the preferred shape.
    const score = Math.min(cellWidth, cellHeight * preferredAspect);
    if (score > best.score) best = { columns, rows, score };
  }
  // A few cards should not become giant tiles: never fewer cells than a 3×2 grid.
  const columns = Math.max(best.columns, minColumns);
  return { columns, rows: Math.max(Math.ceil(count / columns), minRows) };
}
