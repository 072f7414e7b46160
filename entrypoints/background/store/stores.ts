import { DiffuseDb } from './db';
import { createAnswerStore } from './answer-store';
import { createCloakStore } from './cname-store';
import { createCompanionStore } from './companion-store';
import { createDnsStore } from './dns-store';
import { createManagedStore } from './managed-store';
import { HistoryStore } from './history-store';
import { createOperatorStore } from './operator-store';
import { PageLoadStore } from './page-load-store';
import { PolicyStore } from './policy-store';
import { createPrivacyStore } from './privacy-store';
import { createUnsavedHistoryStore } from './unsaved-history-store';
import { createWorkerStartStore } from './worker-start-store';

/**
 * Every store of the background, over one database, built once by the composition root and handed to the
 * capabilities: the only way anything reaches IndexedDB, storage.local or storage.session.
 */
export function openStores() {
  const db = new DiffuseDb();
  const pageLoads = new PageLoadStore(db);
  return {
    pageLoads,
    // Page loads are written through history, which keeps its daily roll-up in the same transaction.
    history: new HistoryStore(db, pageLoads),
    policies: new PolicyStore(db),
    dns: createDnsStore(),
    cloaks: createCloakStore(),
    answers: createAnswerStore(),
    operators: createOperatorStore(),
    privacy: createPrivacyStore(),
    companion: createCompanionStore(),
    workerStart: createWorkerStartStore(),
    unsaved: createUnsavedHistoryStore(),
    managed: createManagedStore(),
  };
}

export type Stores = ReturnType<typeof openStores>;
