import { Router } from 'express';
import type { AppDeps } from '../app';
import { currentUserId } from '../http/auth-middleware';
import { emptyBody, idParams } from '@liftplan/domain';
import { parseBody, parseParams, parseQuery } from '../http/validate';
import { planBody, replaceRulesBody, updatePlanQuery } from '@liftplan/domain';
import { planDraftProjectionBody, planPreviewBody, previewPlan, projectionBody } from '@liftplan/domain';
import { projectDraft, projectForLifter } from './projection.service';
import {
  createPlan,
  deletePlan,
  getPlanDetail,
  getPlanForLifter,
  listPlanSummaries,
  replaceProgressionRules,
  updatePlan,
} from './plans.service';
import { getCurrentPlan, skipCurrentDay, subscribe, unsubscribe } from '../subscriptions/subscriptions.service';

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
    parseBody(emptyBody, req);
    await unsubscribe(db, currentUserId(req));
    res.status(204).end();
  });

  router.post('/current/skip', async (req, res) => {
    parseBody(emptyBody, req);
    res.json(await skipCurrentDay(db, currentUserId(req)));
  });

  router.get('/:id', async (req, res) => {
    res.json({ plan: await getPlanForLifter(db, currentUserId(req), parseParams(idParams, req).id) });
  });

  router.post('/:id/subscribe', async (req, res) => {
    const { id } = parseParams(idParams, req);
    parseBody(emptyBody, req);
    res.status(201).json(await subscribe(db, currentUserId(req), id));
  });

  // Pure computation on the lifter's TMs (or the ones given): nothing is written.
  router.post('/:id/projection', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const asAdmin = req.auth?.isAdmin === true;
    res.json(await projectForLifter(db, currentUserId(req), id, parseBody(projectionBody, req), { asAdmin }));
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
  // Pure computation: a preview never writes to the database.
  router.post('/preview', (req, res) => {
    res.json({ preview: previewPlan(parseBody(planPreviewBody, req)) });
  });
  router.post('/preview/projection', async (req, res) => {
    res.json(await projectDraft(db, parseBody(planDraftProjectionBody, req)));
  });
  router.put('/:id', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const { expectedUpdatedAt } = parseQuery(updatePlanQuery, req);
    res.json({ plan: await updatePlan(db, id, parseBody(planBody, req), { expectedUpdatedAt }) });
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
