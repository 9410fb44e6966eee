import { describe, expect, it } from 'vitest';
import { convertForMode, resultingTm } from './setup-form-model';

/** 90 % of a weight given in hundredths, half up, in integer arithmetic: an oracle independent of any decimal library. */
function ninetyPercentHalfUp(hundredths: number): string {
  const thousandths = hundredths * 9; // × 0.9, in thousandths
  const rounded = Math.floor(thousandths / 10) + (thousandths % 10 >= 5 ? 1 : 0);
  return (rounded / 100).toFixed(2);
}

describe('the setup form shows the TM the server stores', () => {
  it('every 1RM from 20.00 to 400.00 in 0.05 steps (7,601 values): 90 %, 2 decimals, halves up', () => {
    const mismatches: string[] = [];
    for (let hundredths = 2000; hundredths <= 40000; hundredths += 5) {
      const typed = (hundredths / 100).toFixed(2);
      const shown = resultingTm('oneRepMax', Number(typed)).toFixed(2);
      if (shown !== ninetyPercentHalfUp(hundredths)) mismatches.push(`${typed} → ${shown}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('with the plan’s tmPercent: 85 % and 100 % (1RM-based plans)', () => {
    expect(resultingTm('oneRepMax', 140, 0.85)).toBe(119);
    expect(resultingTm('oneRepMax', 70.85, 0.85)).toBe(60.22); // 60.2225 → 60.22
    expect(resultingTm('oneRepMax', 140, 1)).toBe(140);
    expect(convertForMode('119', 'trainingMax', 'oneRepMax', 0.85)).toBe('140');
  });

  it('the audit case: 1RM 70.85 → TM 63.77 (binary floating point said 63.76)', () => {
    expect(resultingTm('oneRepMax', 70.85)).toBe(63.77);
    expect(convertForMode('70.85', 'oneRepMax', 'trainingMax')).toBe('63.77');
  });
});
