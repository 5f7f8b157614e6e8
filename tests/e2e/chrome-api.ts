/**
 * The few `chrome.*` calls the e2e tests evaluate inside the extension's service worker.
 * Declared here rather than pulling all of @types/chrome into the project for four functions.
 */
export type ChromeInWorker = {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  downloads: {
    search(q: object): Promise<{ id: number; filename: string; state: string; mime: string; url: string }[]>;
  };
};

