import { Router } from 'express';
import type { AppDeps } from '../app';
import { currentUserId } from '../http/auth-middleware';
import { idParams } from '../http/common-schemas';
import { notFound } from '../http/errors';
import { parseBody, parseParams } from '../http/validate';
import { toPlanDetailDto } from './plan-structure';
import { planBody, replaceRulesBody } from './plans.schemas';
import {
  createPlan,
  deletePlan,
  getPlanDetail,
  listPlanSummaries,
  loadLatestVersion,
  loadVersion,
  replaceProgressionRules,
  updatePlan,
} from './plans.service';
import { getCurrentPlan, subscribe, unsubscribe } from '../subscriptions/subscriptions.service';

/** `/api/plans`: what lifters browse and subscribe to. */
export function plansRouter({ db }: AppDeps): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    res.json({ plans: await listPlanSummaries(db, { publicOnly: true, userId: currentUserId(req) }) });
  });

  // Declared before /:id so "current" is not taken for an id.
  router.get('/current', async (req, res) => {
    res.json(await getCurrentPlan(db, currentUserId(req)));
  });
  router.delete('/current', async (req, res) => {
    await unsubscribe(db, currentUserId(req));
    res.status(204).end();
  });

  /** The lifter's own pinned version when they are on this plan, else the newest public one. */
  router.get('/:id', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const userId = currentUserId(req);
    const active = await db.userPlan.findFirst({ where: { userId, planId: id, isActive: true }, select: { planVersionId: true } });
    const version = active ? await loadVersion(db, active.planVersionId) : await loadLatestVersion(db, id);
    if (!version || (!active && !version.plan.isPublic)) throw notFound('Plan');
    res.json({ plan: toPlanDetailDto(version) });
  });

  router.post('/:id/subscribe', async (req, res) => {
    const { id } = parseParams(idParams, req);
    res.status(201).json(await subscribe(db, currentUserId(req), id));
  });

  return router;
}

/** `/api/admin/plans`: authoring. */
export function adminPlansRouter({ db }: AppDeps): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    res.json({ plans: await listPlanSummaries(db, { publicOnly: false }) });
  });
  router.get('/:id', async (req, res) => {
    res.json({ plan: await getPlanDetail(db, parseParams(idParams, req).id) });
  });
  router.post('/', async (req, res) => {
    res.status(201).json({ plan: await createPlan(db, parseBody(planBody, req)) });
  });
  router.put('/:id', async (req, res) => {
    const { id } = parseParams(idParams, req);
    res.json({ plan: await updatePlan(db, id, parseBody(planBody, req)) });
  });
  router.delete('/:id', async (req, res) => {
    const result = await deletePlan(db, parseParams(idParams, req).id);
    if (result.archived) res.json(result);
    else res.status(204).end();
  });
  router.post('/:id/progression-rules', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const { progressionRules } = parseBody(replaceRulesBody, req);
    res.json({ plan: await replaceProgressionRules(db, id, progressionRules) });
  });
  return router;
}
