// Code that runs inside the page (passed to addInitScript / page.evaluate), kept apart from the
// driver so it is clear what executes where.

/**
 * Init script: records when the map is fully drawn, as performance.now() (ms since navigation
 * start): the React Flow instance exists, and every node and line that falls on the screen at the
 * current viewport is in the DOM, two frames running with the same viewport (so a fitView that
 * moves the view after the first render counts). "On the screen", not "all", because the app only
 * mounts what is visible (onlyRenderVisibleElements) while the bare page mounts everything; both
 * are judged by what a person sees. Checked once per animation frame.
 */
export function drawnProbe({ instanceGlobal, pathPrefix }) {
  if (!location.pathname.startsWith(pathPrefix) || location.href.startsWith('about:')) return;
  // Every main-thread task over 50 ms from the start, for "the longest block while opening".
  window.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__benchLongTasks.push({ start: entry.startTime, ms: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API: the figure is left out.
  }
  let lastTransform = null;
  const overlaps = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  const check = async () => {
    const flow = instanceGlobal === 'app' ? await window.__powermapBench?.canvas?.() : window.__baselineBench?.instance;
    const pane = document.querySelector('.react-flow');
    // A large map seen from far is drawn on one canvas (FarMapLayer): drawn once it shows this view.
    // Checked first, and while that canvas is up nothing else is: walking 20,000 nodes and 30,000
    // links took this probe 150 ms a frame, long tasks of its own counted against the app.
    const far = instanceGlobal === 'app' && flow && pane ? document.querySelector('.pm-far-map:not(.pm-far-map--fringe)') : null;
    if (far) {
      const { x, y, zoom } = flow.getViewport();
      const transform = `${x},${y},${zoom}`;
      const farDrawn =
        far.dataset.view === transform &&
        Number(far.dataset.cards) === Object.keys(window.__powermapBench.useMapStore.getState().map?.stakeholders ?? {}).length;
      if (farDrawn && transform === lastTransform) {
        window.__benchDrawn = { at: performance.now(), nodes: 0, edges: 0, mounted: document.querySelectorAll('.react-flow__node').length, far: true };
        return;
      }
      lastTransform = farDrawn ? transform : null;
      requestAnimationFrame(() => void check());
      return;
    }
    if (flow && pane) {
      const { x, y, zoom } = flow.getViewport();
      const box = pane.getBoundingClientRect();
      const screen = { x: -x / zoom, y: -y / zoom, width: box.width / zoom, height: box.height / zoom };
      const app = instanceGlobal === 'app';
      // Every card and department of the map, with its rectangle. The app's from its map: its
      // React Flow holds only the nodes near the view, and "drawn" must not take its word for it.
      const rects = new Map();
      let complete = true;
      if (app) {
        const map = window.__powermapBench.useMapStore.getState().map;
        for (const id of [...Object.keys(map?.departments ?? {}), ...Object.keys(map?.stakeholders ?? {})]) {
          const rect = window.__powermapBench.recordRect(id);
          if (rect) rects.set(id, rect);
        }
      } else {
        for (const node of flow.getNodes()) {
          const internal = flow.getInternalNode(node.id);
          const width = internal?.measured?.width ?? node.width;
          const height = internal?.measured?.height ?? node.height;
          if (!internal || !width || !height) continue;
          rects.set(node.id, { ...internal.internals.positionAbsolute, width, height });
        }
        complete = rects.size === flow.getNodes().length;
      }
      const nodes = [...rects.keys()].filter((id) => overlaps(rects.get(id), screen));
      // Powermap draws its lines itself (one <svg>, not React Flow edges): take them from its map.
      const allEdges = app
        ? Object.values(window.__powermapBench.useMapStore.getState().map?.links ?? {}).map((link) => ({ id: link.id, source: link.sourceId, target: link.targetId }))
        : flow.getEdges();
      const edges = allEdges.filter((edge) => {
        const a = rects.get(edge.source);
        const b = rects.get(edge.target);
        if (!a || !b) return false;
        const left = Math.min(a.x, b.x);
        const top = Math.min(a.y, b.y);
        const around = { x: left, y: top, width: Math.max(a.x + a.width, b.x + b.width) - left, height: Math.max(a.y + a.height, b.y + b.height) - top };
        return overlaps(around, screen);
      });
      // One DOM query per frame, so the probe itself stays cheap next to what it measures.
      const inDom = new Set();
      for (const element of document.querySelectorAll('.react-flow__node, .react-flow__edge, .pm-link')) {
        if (element.classList.contains('react-flow__node')) inDom.add(element.getAttribute('data-testid'));
        else if (element.querySelector('path')) inDom.add(app ? `rf__edge-${element.getAttribute('data-link-id')}` : element.getAttribute('data-testid'));
      }
      const drawn =
        complete &&
        nodes.length > 0 &&
        nodes.every((id) => inDom.has(`rf__node-${id}`)) &&
        edges.every((edge) => inDom.has(`rf__edge-${edge.id}`));
      const transform = `${x},${y},${zoom}`;
      if (drawn && transform === lastTransform) {
        window.__benchDrawn = { at: performance.now(), nodes: nodes.length, edges: edges.length, mounted: document.querySelectorAll('.react-flow__node').length };
        return;
      }
      lastTransform = drawn ? transform : null;
    }
    requestAnimationFrame(() => void check());
  };
  requestAnimationFrame(() => void check());
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

/**
 * Arms a probe for one click on a card: resolves with the ms from the press (the pointerdown
 * event's time) to the first animation frame whose DOM shows `name` in the inspector.
 */
export function armInspectorProbe(name) {
  window.__benchInspect = new Promise((resolve) => {
    let pressed = null;
    addEventListener('pointerdown', (event) => (pressed = event.timeStamp), { capture: true, once: true });
    const shows = () => {
      const aside = document.querySelector('aside[aria-label="Inspector"]');
      return Boolean(aside && (aside.textContent.includes(name) || [...aside.querySelectorAll('input, textarea')].some((field) => field.value === name)));
    };
    const tick = () => {
      if (pressed !== null && shows()) resolve(performance.now() - pressed);
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}
