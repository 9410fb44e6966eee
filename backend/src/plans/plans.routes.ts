import { Router } from 'express';
import type { AppDeps } from '../app';
import { currentUserId, isAdminNow } from '../http/auth-middleware';
import { emptyBody, idParams } from '@liftplan/domain';
import { parseBody, parseParams, parseQuery } from '../http/validate';
import { planBody, replaceRulesBody, updatePlanQuery } from '@liftplan/domain';
import { planDraftProjectionBody, planPreviewBody, previewPlan, projectionBody } from '@liftplan/domain';
import { projectDraft, projectForLifter } from './projection.service';
import {
  createPlan,
  deletePlan,
  getPlanDetail,
  listPlanSummaries,
  replaceProgressionRules,
  updatePlan,
} from './plans.service';
import { getCurrentPlan, skipCurrentDay, subscribe } from '../subscriptions/subscriptions.service';
import {
  changePreferredDays,
  endEnrolment,
  listEnrolments,
  pauseEnrolment,
  resumeEnrolment,
} from '../subscriptions/enrolment.service';
import {
  adminPlansQuery,
  createPlanQuery,
  programFileInput,
  publishPlanBody,
  subscribeBody,
  updateCurrentPlanBody,
  updateVersionBody,
  upgradeBody,
  versionParams,
} from '@liftplan/domain';
import type { Response } from 'express';
import { fetchLatestDetail, fetchLifterDetail } from './plan-detail-query';
import {
  archivePlan,
  discardDraft,
  exportPlan,
  importPlan,
  publishDraft,
  previewPublish,
  restorePlan,
  saveDraft,
  updateVersion,
} from './plan-lifecycle.service';
import type { ProgramFile } from '../seed/program-files';
import { notFound } from '../http/errors';
import { cachedVersionResponse, versionEtag, visibleVersion } from './plan-cache';
import { applyUpgrade, upgradeOffer } from '../subscriptions/plan-upgrade.service';

/** `/api/plans`: what lifters browse and subscribe to. */
export function plansRouter({ db, config }: AppDeps): Router {
  const { clock } = config;
  const router = Router();

  router.get('/', async (req, res) => {
    res.json({ plans: await listPlanSummaries(db, { publicOnly: true, userId: currentUserId(req) }) });
  });

  // Declared before /:id so "current" is not taken for an id.
  router.get('/current', async (req, res) => {
    res.json(await getCurrentPlan(db, currentUserId(req), clock));
  });
  router.patch('/current', async (req, res) => {
    const { preferredDays } = parseBody(updateCurrentPlanBody, req);
    res.json({ enrolment: await changePreferredDays(db, currentUserId(req), preferredDays, clock) });
  });
  // Ends the enrolment, as POST /current/end does (kept for seed 003's clients).
  router.delete('/current', async (req, res) => {
    parseBody(emptyBody, req);
    await endEnrolment(db, currentUserId(req), clock);
    res.status(204).end();
  });

  router.post('/current/skip', async (req, res) => {
    parseBody(emptyBody, req);
    res.json(await skipCurrentDay(db, currentUserId(req), clock));
  });
  router.post('/current/pause', async (req, res) => {
    parseBody(emptyBody, req);
    res.json({ enrolment: await pauseEnrolment(db, currentUserId(req), clock) });
  });
  router.post('/current/resume', async (req, res) => {
    parseBody(emptyBody, req);
    res.json({ enrolment: await resumeEnrolment(db, currentUserId(req), clock) });
  });
  router.post('/current/end', async (req, res) => {
    parseBody(emptyBody, req);
    res.json({ enrolment: await endEnrolment(db, currentUserId(req), clock) });
  });
  router.get('/current/upgrade', async (req, res) => {
    res.json(await upgradeOffer(db, currentUserId(req)));
  });
  router.post('/current/upgrade', async (req, res) => {
    const { version } = parseBody(upgradeBody, req);
    res.json(await applyUpgrade(db, currentUserId(req), version));
  });
  router.get('/enrolments', async (req, res) => {
    res.json({ enrolments: await listEnrolments(db, currentUserId(req), clock) });
  });

  // Immutable versions: answered from memory, 304 when the client has this very version (plan-cache.ts).
  router.get('/:id', async (req, res) => {
    const visible = await visibleVersion(db, currentUserId(req), parseParams(idParams, req).id);
    if (!visible) throw notFound('Plan');
    const etag = versionEtag(visible);
    res.set({ ETag: etag, 'Cache-Control': 'private, no-cache' });
    if (req.headers['if-none-match'] === etag) return void res.status(304).end();
    res.type('json').send(await cachedVersionResponse(db, visible));
  });
  // Any plan the lifter can see, as the program file admins import.
  router.get('/:id/export', async (req, res) => {
    const file = exportPlan(await fetchLifterDetail(db, currentUserId(req), parseParams(idParams, req).id));
    sendProgramFile(res, file);
  });

  router.post('/:id/subscribe', async (req, res) => {
    const { id } = parseParams(idParams, req);
    // No body (seed 003's clients): the plan's default days from today.
    res.status(201).json(await subscribe(db, currentUserId(req), id, parseBody(subscribeBody, req), clock));
  });

  // Pure computation on the lifter's TMs (or the ones given): nothing is written.
  router.post('/:id/projection', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const userId = currentUserId(req);
    const asAdmin = req.auth?.isAdmin === true && (await isAdminNow(db, userId));
    res.json(await projectForLifter(db, userId, id, parseBody(projectionBody, req), { asAdmin }));
  });

  return router;
}

/** `/api/admin/plans`: authoring. */
export function adminPlansRouter({ db }: AppDeps): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const { status } = parseQuery(adminPlansQuery, req);
    res.json({ plans: await listPlanSummaries(db, { publicOnly: false, status }) });
  });
  router.get('/:id', async (req, res) => {
    res.json({ plan: await getPlanDetail(db, parseParams(idParams, req).id, { includeArchived: true }) });
  });
  // ?draft=true: a new plan only admins see until it is published.
  router.post('/', async (req, res) => {
    const { draft } = parseQuery(createPlanQuery, req);
    const body = parseBody(planBody, req);
    res.status(201).json({ plan: await createPlan(db, body, { draft: draft === 'true' }) });
  });
  router.post('/import', async (req, res) => {
    res.status(201).json({ plan: await importPlan(db, parseBody(programFileInput, req)) });
  });
  router.get('/:id/export', async (req, res) => {
    const { id } = parseParams(idParams, req);
    sendProgramFile(res, exportPlan(await fetchLatestDetail(db, id, { includeArchived: true })));
  });
  router.put('/:id/draft', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const { expectedUpdatedAt } = parseQuery(updatePlanQuery, req);
    res.json({ plan: await saveDraft(db, id, parseBody(planBody, req), { expectedUpdatedAt }) });
  });
  router.delete('/:id/draft', async (req, res) => {
    res.json(await discardDraft(db, parseParams(idParams, req).id));
  });
  router.post('/:id/publish/preview', async (req, res) => {
    const { id } = parseParams(idParams, req);
    res.json({ preview: await previewPublish(db, id, parseBody(planBody, req)) });
  });
  router.post('/:id/publish', async (req, res) => {
    const { id } = parseParams(idParams, req);
    res.json({ plan: await publishDraft(db, id, parseBody(publishPlanBody, req)) });
  });
  router.post('/:id/archive', async (req, res) => {
    const { id } = parseParams(idParams, req);
    parseBody(emptyBody, req);
    res.json({ plan: await archivePlan(db, id) });
  });
  router.post('/:id/restore', async (req, res) => {
    const { id } = parseParams(idParams, req);
    parseBody(emptyBody, req);
    res.json({ plan: await restorePlan(db, id) });
  });
  router.patch('/:id/versions/:version', async (req, res) => {
    const { id, version } = parseParams(versionParams, req);
    res.json({ plan: await updateVersion(db, id, version, parseBody(updateVersionBody, req)) });
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

/** A program file as a download named after the plan. */
function sendProgramFile(res: Response, file: ProgramFile) {
  res.set('Content-Disposition', `attachment; filename="${file.plan.slug}.json"`).json(file);
}
