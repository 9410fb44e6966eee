import { describe, expect, it } from 'vitest';
import { searchExercises } from './exercise-search';

const library = [
  'Bench Press',
  'Squat',
  'Overhead Press',
  'Deadlift',
  'Close Grip Bench Press',
  'Sumo Deadlift',
  'Front Squat',
  'Incline Bench Press',
  'Romanian Deadlift',
].map((name) => ({ name, slug: name.toLowerCase().replace(/ /g, '-') }));
const names = (query: string) => searchExercises(library, query).map((e) => e.name);

describe('exercise type-ahead', () => {
  it('ranks exact, then prefix, then word-prefix, then anywhere', () => {
    expect(names('squat')).toEqual(['Squat', 'Front Squat']);
    expect(names('deadlift')).toEqual(['Deadlift', 'Romanian Deadlift', 'Sumo Deadlift']);
    expect(names('bench')).toEqual(['Bench Press', 'Close Grip Bench Press', 'Incline Bench Press']);
    expect(names('sumo')).toEqual(['Sumo Deadlift']);
    expect(names('ohp')).toEqual([]);
    expect(names('overhead-press')).toEqual(['Overhead Press']);
    expect(names('grip bench')).toEqual(['Close Grip Bench Press']);
  });

  it('finds exercises by their aliases, spaces ignored, and short aliases only as whole words', () => {
    const withAliases = [
      { name: 'Deadlift', slug: 'deadlift', aliases: ['DL', 'dead lift', 'conventional deadlift'] },
      { name: 'Romanian Deadlift', slug: 'romanian-deadlift', aliases: ['RDL'] },
      { name: 'Overhead Press', slug: 'ohp', aliases: ['OHP', 'military press', 'strict press'] },
      { name: 'Stiff-Leg Deadlift', slug: 'stiff-leg-deadlift', aliases: ['SLDL'] },
    ];
    const found = (query: string) => searchExercises(withAliases, query).map((e) => e.slug);
    expect(found('dead lift')[0]).toBe('deadlift');
    expect(found('DL')).toEqual(['deadlift']);
    expect(found('rdl')).toEqual(['romanian-deadlift']);
    expect(found('military press')).toEqual(['ohp']);
    expect(found('OHP')).toEqual(['ohp']);
  });

  it('lists everything alphabetically for an empty query', () => {
    expect(names(' ')[0]).toBe('Bench Press');
    expect(names('')).toHaveLength(library.length);
  });
});
