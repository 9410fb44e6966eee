import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PlateBreakdown } from './PlateBreakdown';

describe('PlateBreakdown', () => {
  it('lists the plates per side, heaviest first, for screen readers and on screen', () => {
    const { container } = render(
      <PlateBreakdown plates={{ perSide: [20, 20, 5, 1.25], remainderPerSide: 0, belowBar: false }} unit="kg" />,
    );

    expect(screen.getByText('Per side: 20 + 20 + 5 + 1.25')).toBeTruthy();
    expect(container.textContent).toContain('Per side 20 · 20 · 5 · 1.25');
    // One drawn plate per plate, in proportion: the 20s taller than the 1.25.
    const drawn = [...container.querySelectorAll<HTMLElement>('.plates__plate')].map((p) => parseFloat(p.style.height));
    expect(drawn).toHaveLength(4);
    expect(drawn[0]).toBeGreaterThan(drawn[3]!);
  });

  it('says what the lifter’s plates cannot make', () => {
    render(<PlateBreakdown plates={{ perSide: [45, 10], remainderPerSide: 1.25, belowBar: false }} unit="lb" />);

    expect(screen.getByText("Per side: 45 + 10, plus 1.25 lb your plates can't make")).toBeTruthy();
    expect(screen.getByText('(+1.25 lb missing)')).toBeTruthy();
  });

  it('shows an empty bar, a weight below the bar, and nothing without a breakdown', () => {
    const { rerender, container } = render(
      <PlateBreakdown plates={{ perSide: [], remainderPerSide: 0, belowBar: false }} unit="kg" />,
    );
    expect(container.textContent).toBe('Empty bar');

    rerender(<PlateBreakdown plates={{ perSide: [], remainderPerSide: 0, belowBar: true }} unit="kg" />);
    expect(container.textContent).toBe('Lighter than your bar');

    rerender(<PlateBreakdown plates={null} unit="kg" />);
    expect(container.textContent).toBe('');
  });

  it('caps the drawing at 12 plates a side and groups a huge list (a 9,999 kg TM: ~100 plates)', () => {
    const perSide = [...Array<number>(99).fill(25), 15, 2.5];
    const { container } = render(
      <PlateBreakdown plates={{ perSide, remainderPerSide: 0, belowBar: false }} unit="kg" />,
    );
    expect(container.querySelectorAll('.plates__plate')).toHaveLength(12);
    expect(container.querySelector('.plates__more')?.textContent).toBe('+89');
    expect(screen.getByText('Per side: 25 × 99 + 15 + 2.5')).toBeTruthy();
    expect(container.textContent).toContain('Per side 25 × 99 · 15 · 2.5');
  });
});
