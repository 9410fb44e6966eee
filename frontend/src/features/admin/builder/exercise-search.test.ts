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

  it('lists everything alphabetically for an empty query', () => {
    expect(names(' ')[0]).toBe('Bench Press');
    expect(names('')).toHaveLength(library.length);
  });
});
