import type { Page } from 'playwright-core';

/** The workspace as the page stored it in IndexedDB (src/workspace/persist.ts), or {} when none. */
export async function storedWorkspace(page: Page): Promise<any> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('proeftuin');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('workspace')) {
            db.close();
            resolve({});
            return;
          }
          const req = db.transaction('workspace', 'readonly').objectStore('workspace').get('workspace');
          req.onsuccess = () => {
            db.close();
            resolve(req.result ?? {});
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}
