// The simulated county-year panel. Each block (simulate/*.ts) draws county values with a
// realistic spread (driven by the county profile plus persistent yearly noise), then
// shifts them per year so the national ratio of sums lands on the published figure.
// Counts are rounded at the end of each block, so the final check sees exactly what
// ships. Every block draws from its own streams, and the blocks run in this order: later
// ones build on earlier ones' counts (teachers on enrolment, spending on all of them).
import type { Panel } from './calibrate.ts'
import type { CountyBase } from './census.ts'
import type { CountyProfile } from './profile.ts'
import type { NationalTargets } from './targets.ts'
import { simulateBalance, simulateRotation } from './simulate/balance.ts'
import { simulateBudget, simulateBudgetTotal } from './simulate/budget.ts'
import { simulateDisabled, simulateMigrants } from './simulate/children.ts'
import { simulateClasses } from './simulate/classes.ts'
import { simulateCompulsoryEnrolment, simulateCompulsoryTeachers } from './simulate/compulsory.ts'
import { simulateConsolidation } from './simulate/consolidation.ts'
import { createContext } from './simulate/context.ts'
import { deliberateGaps } from './simulate/gaps.ts'
import {
  simulateHighSchoolClasses,
  simulateHighSchoolEnrolment,
  simulateHighSchoolTeachers,
} from './simulate/highSchool.ts'
import { simulatePopulation } from './simulate/population.ts'
import { simulateKgCount, simulateKgEnrolment, simulateKgPublic, simulateKgTeachers } from './simulate/preschool.ts'
import { simulateSalaries } from './simulate/salaries.ts'
import { simulateStageSpending } from './simulate/spending.ts'

export interface SimulationResult {
  panel: Panel
  profiles: CountyProfile[]
}

export function simulate(counties: readonly CountyBase[], targets: NationalTargets, seed: number): SimulationResult {
  const ctx = createContext(counties, targets, seed)
  const population = simulatePopulation(ctx)

  // 学前
  const kg = simulateKgEnrolment(ctx, population)
  simulateKgPublic(ctx, kg)
  simulateKgCount(ctx, kg)
  simulateKgTeachers(ctx, kg)

  // 义务教育
  const enrol = simulateCompulsoryEnrolment(ctx, population)
  const teachers = simulateCompulsoryTeachers(ctx, enrol)
  simulateClasses(ctx, enrol)
  simulateConsolidation(ctx, population)
  simulateMigrants(ctx, enrol)
  simulateDisabled(ctx, population)
  simulateBalance(ctx)
  simulateRotation(ctx, teachers)

  // 高中阶段
  const highSchool = simulateHighSchoolEnrolment(ctx, population.pop1517)
  simulateHighSchoolTeachers(ctx, highSchool.sh)
  simulateHighSchoolClasses(ctx, highSchool.sh)

  // 经费
  const isGap = deliberateGaps(ctx)
  const spending = simulateStageSpending(ctx, isGap, { kg, ...enrol, ...highSchool })
  simulateBudget(ctx, isGap, spending)
  simulateBudgetTotal(ctx, isGap, spending)
  simulateSalaries(ctx, isGap)

  return { panel: ctx.panel, profiles: [...ctx.profiles] }
}
