// Whether the canvas is zoomed out so far that card details cannot be read (Canvas.tsx sets it).
// Cards then render a light version: on a 1,000-person map seen whole, that is a few thousand
// elements for the browser to lay out and paint instead of tens of thousands.
import { createContext } from 'react';

export const FarContext = createContext(false);
