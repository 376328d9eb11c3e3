// The one animation loop of a page. Every countdown on screen is redrawn from here, once per
// server-time second (exactly on the second boundary, so all of them flip together), or at
// once after invalidate() when data changed. No element keeps its own timer.

import { serverNow } from './clock.js';

const renderers = new Set();
let lastSecond = Number.NaN;
let dirty = true;
let running = false;

/**
 * Adds a renderer called with the server time (epoch ms) whenever the screen must change.
 * @param {(nowMs: number) => void} renderer
 */
export function onFrame(renderer) {
  renderers.add(renderer);
  start();
}

/** Asks for a redraw on the next animation frame (data changed, language changed, resize). */
export function invalidate() {
  dirty = true;
}

function start() {
  if (running) return;
  running = true;
  requestAnimationFrame(frame);
}

function frame() {
  const now = serverNow();
  const second = Math.floor(now / 1000);
  if (dirty || second !== lastSecond) {
    dirty = false;
    lastSecond = second;
    for (const renderer of renderers) {
      try {
        renderer(now);
      } catch (error) {
        // One broken renderer must not freeze every other countdown on the wall.
        console.error('dashboard renderer failed', error);
      }
    }
  }
  requestAnimationFrame(frame);
}
