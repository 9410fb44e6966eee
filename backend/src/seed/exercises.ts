/** The exercise library every installation starts with (seeded once; admins manage it afterwards). */
export type ExerciseSeed = {
  slug: string;
  name: string;
  muscleGroup: string;
  category: 'compound' | 'isolation';
  isUpperBody: boolean;
};

export const EXERCISE_LIBRARY: ExerciseSeed[] = [
  { slug: 'bench-press', name: 'Bench Press', muscleGroup: 'chest', category: 'compound', isUpperBody: true },
  { slug: 'squat', name: 'Squat', muscleGroup: 'legs', category: 'compound', isUpperBody: false },
  { slug: 'ohp', name: 'Overhead Press', muscleGroup: 'shoulders', category: 'compound', isUpperBody: true },
  { slug: 'deadlift', name: 'Deadlift', muscleGroup: 'back', category: 'compound', isUpperBody: false },
  {
    slug: 'close-grip-bench',
    name: 'Close Grip Bench Press',
    muscleGroup: 'chest',
    category: 'compound',
    isUpperBody: true,
  },
  { slug: 'sumo-deadlift', name: 'Sumo Deadlift', muscleGroup: 'back', category: 'compound', isUpperBody: false },
  { slug: 'front-squat', name: 'Front Squat', muscleGroup: 'legs', category: 'compound', isUpperBody: false },
  { slug: 'incline-bench', name: 'Incline Bench Press', muscleGroup: 'chest', category: 'compound', isUpperBody: true },
  { slug: 'barbell-row', name: 'Barbell Row', muscleGroup: 'back', category: 'compound', isUpperBody: true },
  {
    slug: 'romanian-deadlift',
    name: 'Romanian Deadlift',
    muscleGroup: 'back',
    category: 'compound',
    isUpperBody: false,
  },
  { slug: 'leg-press', name: 'Leg Press', muscleGroup: 'legs', category: 'compound', isUpperBody: false },
  { slug: 'dumbbell-ohp', name: 'Dumbbell OHP', muscleGroup: 'shoulders', category: 'compound', isUpperBody: true },
];
