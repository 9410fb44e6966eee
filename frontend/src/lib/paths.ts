/**
 * The address of every page, for links and redirects: `<Link to={paths.adminPlanEdit(plan.id)}>`. The route
 * patterns these match are declared in app/router.tsx; change both together.
 */
export const paths = {
  dashboard: '/',
  login: '/login',
  register: '/register',
  plans: '/plans',
  plan: (planId: number) => `/plans/${planId}`,
  /** The plan page's "Your next weeks" projection. */
  planNextWeeks: (planId: number) => `/plans/${planId}#next-weeks`,
  /** Review a newer version of the lifter's plan and upgrade to it. */
  planUpgrade: '/plans/upgrade',
  setup: '/setup',
  workout: (workoutId: number) => `/workouts/${workoutId}`,
  history: '/history',
  settings: '/settings',
  admin: '/admin',
  adminPlans: '/admin/plans',
  adminPlanNew: '/admin/plans/new',
  adminPlanEdit: (planId: number) => `/admin/plans/${planId}/edit`,
  adminExercises: '/admin/exercises',
  adminUsers: '/admin/users',
} as const;
