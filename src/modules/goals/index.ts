/**
 * The goals module's public face: a store's targets per metric, period and scope (store-wide, a
 * channel, a category), and their pacing against the forecast (docs/goals.md). A module of its
 * own rather than part of insights because it owns a table and its CRUD; the forecasting it paces
 * with is insights'.
 */
export { type GoalInput, goalInput, goalMetricWords } from './goal-input.ts';
export {
  currentGoalsOfStores,
  type GoalPacing,
  type PacingStore,
  paceGoals,
  storeGoalsPacing,
} from './goal-pacing.ts';
export { createGoal, deleteGoal, type Goal, getGoal, listGoals, updateGoal } from './goals.ts';
export { type Pace, type PaceInput, type PaceStatus, paceGoal, paceStatuses } from './pacing/pace-goal.ts';
export { goalRoutes } from './routes.ts';
export { type GoalMetric, type GoalScope, goalMetrics } from './schema.ts';
