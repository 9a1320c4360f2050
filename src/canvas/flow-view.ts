// What the canvas's layers read of React Flow's store to follow the view.
import type { ReactFlowState } from '@xyflow/react';

/** The viewport (x, y, zoom) and the canvas's size, as one tuple: select it with zustand's `shallow`. */
export const flowView = (s: ReactFlowState) => [s.transform[0], s.transform[1], s.transform[2], s.width, s.height] as const;
