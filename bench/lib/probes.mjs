// Code that runs inside the page (passed to addInitScript / page.evaluate), kept apart from the
// driver so it is clear what executes where.

/**
 * Init script: records when the map is fully drawn, i.e. when every stakeholder card and every
 * line path is in the DOM, as performance.now() (milliseconds since navigation start). Checked
 * once per animation frame through live HTMLCollections, which cost next to nothing to read.
 */
export function drawnProbe({ cardClass, cards, paths, pathPrefix }) {
  if (!location.pathname.startsWith(pathPrefix) || location.href.startsWith('about:')) return;
  const cardList = document.getElementsByClassName(cardClass);
  const pathList = document.getElementsByClassName('react-flow__edge-path');
  const check = () => {
    if (cardList.length >= cards && pathList.length >= paths) {
      window.__benchDrawn = { at: performance.now(), cards: cardList.length, paths: pathList.length };
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** A point on empty canvas (the React Flow pane) near the middle of the canvas, in page pixels. */
export function emptyPanePoint() {
  const flow = document.querySelector('.react-flow').getBoundingClientRect();
  const cx = flow.left + flow.width / 2;
  const cy = flow.top + flow.height / 2;
  for (let radius = 0; radius < Math.min(flow.width, flow.height) / 2; radius += 6) {
    for (let angle = 0; angle < 360; angle += 15) {
      const x = cx + radius * Math.cos((angle * Math.PI) / 180);
      const y = cy + radius * Math.sin((angle * Math.PI) / 180);
      if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
    }
  }
  return null;
}

/** Where a node is on the map (its translate), to check that a drag really moved it. */
export function nodeTransform(id) {
  return document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`)?.style.transform ?? null;
}

/** Two animation frames: lets React commit and the browser paint what is pending. */
export function twoFrames() {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(null))));
}
