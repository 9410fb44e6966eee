import { act, render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useNavigate } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScrollToTop } from './ScrollToTop';

afterEach(() => vi.restoreAllMocks());

describe('ScrollToTop', () => {
  it('a pushed navigation (setup → dashboard) opens the new page at its top; back keeps the browser’s position', async () => {
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
    let navigate: ReturnType<typeof useNavigate> = () => {};
    function Page({ name }: { name: string }) {
      navigate = useNavigate();
      return (
        <>
          <ScrollToTop />
          <p>{name}</p>
        </>
      );
    }
    const router = createMemoryRouter(
      [
        { path: '/setup', element: <Page name="setup" /> },
        { path: '/', element: <Page name="dashboard" /> },
        { path: '/plans/:id', element: <Page name="plan" /> },
      ],
      { initialEntries: ['/setup'] },
    );
    render(<RouterProvider router={router} />);
    scrollTo.mockClear(); // the first render is a POP: nothing

    await act(async () => void (await navigate('/')));
    expect(scrollTo).toHaveBeenCalledWith({ top: 0, left: 0, behavior: 'instant' });

    scrollTo.mockClear();
    await act(async () => void (await navigate(-1)));
    expect(scrollTo).not.toHaveBeenCalled();

    await act(async () => void (await navigate('/plans/3#next-weeks')));
    expect(scrollTo).not.toHaveBeenCalled(); // a #hash target is the page's to scroll to
  });
});
