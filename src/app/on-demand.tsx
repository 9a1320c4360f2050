// A view whose code loads when it is first wanted (the map view, a snapshot), shown without
// React.lazy and Suspense.
//
// Why not lazy: a lazy component suspends on its first render even when its code has already
// arrived, and React 19 then holds the content back until 300 ms after the fallback showed (its
// Suspense throttling). Opening a map of 100 people waited those 300 ms between the map's code
// being in and the map view mounting. Here the component is plain state: rendered as soon as it
// is loaded, and the same component from then on.
import { useEffect, useState, type ComponentType, type ReactNode } from 'react';

export interface OnDemand<P> {
  /** Starts loading (once); the loaded component. */
  load(): Promise<ComponentType<P>>;
  /** The component if it has loaded, else null. */
  loaded(): ComponentType<P> | null;
}

export function onDemand<P>(importComponent: () => Promise<ComponentType<P>>): OnDemand<P> {
  let component: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  return {
    load() {
      loading ??= importComponent().then((loadedComponent) => (component = loadedComponent));
      // A failed load (the code missing from the cache, offline) may be tried again next time.
      loading.catch(() => (loading = null));
      return loading;
    },
    loaded: () => component,
  };
}

/**
 * `view`'s component with `props` once its code has loaded, `fallback` until then. A failed load
 * is thrown to the nearest error boundary, as React.lazy would.
 */
export function OnDemandView<P extends object>({ view, props, fallback }: { view: OnDemand<P>; props: P; fallback: ReactNode }) {
  const [Component, setComponent] = useState<ComponentType<P> | null>(view.loaded);
  const [failure, setFailure] = useState<Error | null>(null);
  useEffect(() => {
    if (Component) return undefined;
    let current = true;
    view.load().then(
      (loadedComponent) => current && setComponent(() => loadedComponent),
      (error: Error) => current && setFailure(error),
    );
    return () => {
      current = false;
    };
  }, [view, Component]);
  if (failure) throw failure;
  return Component ? <Component {...props} /> : fallback;
}
