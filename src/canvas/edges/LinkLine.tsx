// One link on the canvas, drawn in the shared links layer (LinksLayer.tsx). Each kind has its own
// line style (see appearance.ts) so the kinds stay apart without colour; a label, if any, sits at
// the middle of the line. Clicking the line (or Enter on it) selects the link. A line is not
// `nopan`: a pan with the middle or right button (or Space) may start on it, as on empty canvas.
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer } from '@xyflow/react';
import { useMapStore } from '../../store/map-store';
import { LINK_LOOK } from '../../drawing/appearance';
import { strokeWidth } from '../../drawing/line-strokes';
import { linkPath } from '../../drawing/link-geometry';
import { fittingRoute } from '../../drawing/line-routes';
import { useRouteStore } from './route-store';
import { useLine } from './use-endpoints';
import { useOutOfFocus } from '../use-focus';
import { useChangeMark } from '../changes';
import { arrowMarker } from './markers';
import { linkDescription, nameOf } from '../../domain/messages';
import type { AccountMap, Link } from '../../domain/types';
import { useClippedPath } from './line-clip';
import { useCanvasLanguage } from '../language-context';

/** Click or Enter: select the link; with Shift, Ctrl or Cmd, add it to the selection or take it out. */
function selectLink(id: string, event: React.MouseEvent | React.KeyboardEvent): void {
  const store = useMapStore.getState();
  if (event.shiftKey || event.metaKey || event.ctrlKey) store.toggleSelected(id);
  else store.select([id]);
}

/**
 * A line's accessible name, put into words again only when the link, either end's name or the
 * language changes: the selector that reads it runs on every store change for every line in view.
 */
const lineNames = new WeakMap<Link, { language: string; source: string; target: string; name: string }>();
function lineName(map: AccountMap, link: Link, language: string): string {
  // Compared part by part: joining them into one key for every line on every store change was
  // a tenth of a drag step at 5,000 people.
  const source = nameOf(map, link.sourceId);
  const target = nameOf(map, link.targetId);
  const hit = lineNames.get(link);
  if (hit && hit.language === language && hit.source === source && hit.target === target) return hit.name;
  const name = linkDescription(map, link);
  lineNames.set(link, { language, source, target, name });
  return name;
}

interface LinkLineProps {
  id: string;
  sourceId: string;
  targetId: string;
  /** False in the layer of lines being dragged, which is hidden from assistive technology: no tab stop. */
  focusable?: boolean;
}

function LinkLineComponent({ id, sourceId, targetId, focusable = true }: LinkLineProps) {
  const { link, ends, selected } = useLine(sourceId, targetId, { linkId: id });
  const sourceDim = useOutOfFocus(sourceId);
  const targetDim = useOutOfFocus(targetId);
  const dim = sourceDim || targetDim;
  const added = useChangeMark(id)?.kind === 'added';
  const route = useRouteStore((s) => s.routes.get(id));
  // The line's name is a sentence in the current language: a change of language renames it.
  const language = useCanvasLanguage();
  const name = useMapStore((s) => (s.map?.links[id] && language ? lineName(s.map, s.map.links[id], language) : ''));
  // Around the cards once routed; while a card moves (or before the first pass), the simple line.
  const line = link && ends ? (fittingRoute(route, ...ends) ?? linkPath(link.kind, ...ends)) : null;
  const drawn = useClippedPath(line?.path ?? '');
  if (!link || !line) return null;

  const look = LINK_LOOK[link.kind];
  const { labelX, labelY } = line;
  const { path } = drawn;

  const width = strokeWidth(link.kind, link.strength);
  return (
    <g
      className={`pm-link${selected ? ' pm-link--selected' : ''}`}
      role="group"
      tabIndex={focusable ? 0 : undefined}
      aria-label={name}
      data-link-id={id}
      onClick={(event) => selectLink(id, event)}
      onKeyDown={(event) => {
        if (event.key !== 'Enter' && event.key !== ' ') return;
        event.preventDefault();
        selectLink(id, event);
      }}
    >
      {/* New since the compared snapshot: a green band under the line. */}
      {added ? <path d={path} className="pm-link-added" /> : null}
      <BaseEdge
        path={path}
        markerEnd={look.arrow && drawn.endKept ? arrowMarker(look.color) : undefined}
        interactionWidth={16}
        style={{
          stroke: look.color,
          strokeWidth: selected ? width + 1.5 : width,
          strokeDasharray: look.dash || undefined,
          strokeDashoffset: look.dash ? drawn.dashOffset : undefined,
          filter: selected ? 'drop-shadow(0 0 3px rgba(37, 99, 235, 0.8))' : undefined,
          opacity: dim ? 0.15 : undefined,
        }}
      />
      {link.label ? (
        <EdgeLabelRenderer>
          <div
            className="pm-link-label nodrag"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, borderColor: look.color, opacity: dim ? 0.2 : undefined }}
          >
            {link.label}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </g>
  );
}

export const LinkLine = memo(LinkLineComponent);
