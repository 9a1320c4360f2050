import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { onDemand, OnDemandView } from '../../../src/app/on-demand';
import { ErrorBoundary } from '../../../src/app/ErrorBoundary';

afterEach(cleanup);

function Greeting({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

/** A view whose code arrives when the test says so. */
function deferredView() {
  let arrive: () => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const importComponent = vi.fn(
    () =>
      new Promise<typeof Greeting>((resolve, reject) => {
        arrive = () => resolve(Greeting);
        fail = reject;
      }),
  );
  return { view: onDemand(importComponent), importComponent, arrive: () => arrive(), fail: (error: Error) => fail(error) };
}

describe('OnDemandView', () => {
  it('shows the fallback until the code has arrived, then the view with its props', async () => {
    const { view, arrive } = deferredView();
    render(<OnDemandView view={view} props={{ name: 'Anna' }} fallback={<p>Opening map…</p>} />);
    expect(screen.getByText('Opening map…')).toBeTruthy();
    await act(async () => arrive());
    expect(screen.getByText('Hello Anna')).toBeTruthy();
    expect(screen.queryByText('Opening map…')).toBeNull();
  });

  it('shows a view whose code is already here at once, without the fallback, and loads the code once', async () => {
    const { view, arrive, importComponent } = deferredView();
    const first = render(<OnDemandView view={view} props={{ name: 'Anna' }} fallback={<p>Opening map…</p>} />);
    await act(async () => arrive());
    first.unmount();
    // Another map opened: a new view from the same code.
    render(<OnDemandView view={view} props={{ name: 'Henrik' }} fallback={<p>Opening map…</p>} />);
    expect(screen.getByText('Hello Henrik')).toBeTruthy();
    expect(importComponent).toHaveBeenCalledTimes(1);
  });

  it('hands a failed load to the error boundary, and tries again the next time', async () => {
    const { view, fail, importComponent } = deferredView();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const first = render(
      <ErrorBoundary>
        <OnDemandView view={view} props={{ name: 'Anna' }} fallback={<p>Opening map…</p>} />
      </ErrorBoundary>,
    );
    await act(async () => fail(new Error('Failed to fetch dynamically imported module')));
    expect(screen.getByRole('alert').textContent).toContain('Failed to fetch dynamically imported module');
    first.unmount();
    render(<OnDemandView view={view} props={{ name: 'Anna' }} fallback={<p>Opening map…</p>} />);
    expect(importComponent).toHaveBeenCalledTimes(2);
    vi.mocked(console.error).mockRestore();
  });
});
