// Test environment for Vitest (jsdom): IndexedDB and the browser APIs React Flow needs.
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { setI18n } from 'react-i18next';
import { i18n } from '../src/i18n';

// Components translate through the same i18next instance as the app (English unless a test switches).
setI18n(i18n);

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= ResizeObserverStub;

class DOMMatrixReadOnlyStub {
  m22: number;
  constructor(transform?: string) {
    const scale = transform?.match(/scale\(([1-9.])\)/)?.[1];
    this.m22 = scale !== undefined ? Number(scale) : 1;
  }
}
(globalThis as unknown as { DOMMatrixReadOnly: unknown }).DOMMatrixReadOnly ??= DOMMatrixReadOnlyStub;
