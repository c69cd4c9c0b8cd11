import { REQUESTED_BY } from '../src/lib/request-header.ts';

/**
 * The stack floor's source: the product's stack (React, TanStack Query, react-hook-form with the
 * zod resolver, zod/mini) doing the measured interactions and nothing else. It makes the app's
 * calls to the same preview server: the projects, the deployments and the first 25 keys at load,
 * a native <dialog> with the create call's answer, "Rows per page" and a debounced name filter
 * over every key. The labels, roles and texts are the app's, so one probe and one script measure
 * both. The generation comes from the `gcore-api-version` meta tag, as in the app (v2 without it).
 */
export const STACK_FLOOR_SOURCE = `import { useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider, useMutation, useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import * as z from 'zod/mini';

const v3 = document.querySelector('meta[name="gcore-api-version"]')?.content === 'v3';
const api = v3
  ? {
      keys: (p) => '/cloud/v3/inference/' + p + '/api_keys',
      list: (p, limit, offset) => '/cloud/v3/inference/' + p + '/api_keys?limit=' + limit + '&offset=' + offset,
      deployments: (p) => '/cloud/v3/inference/' + p + '/deployments?limit=1000',
      deployment: (p, d) => '/cloud/v3/inference/' + p + '/deployments/' + encodeURIComponent(d),
      body: (p, name) => ({ name }),
      // v3 lists have no order and no filter: every key is fetched, then sorted here.
      pagesOnServer: false,
    }
  : {
      keys: () => '/cloud/v2/inference/api_keys',
      list: (p, limit, offset) => '/cloud/v2/inference/api_keys?project_id=' + p + '&limit=' + limit + '&offset=' + offset,
      deployments: (p) => '/cloud/v2/inference/deployments?project_id=' + p + '&limit=1000',
      body: (p, name, deployments) => ({ name, project_id: p, inference_instance_ids: deployments }),
      pagesOnServer: true,
    };
const sheet = new URLSearchParams(location.search).has('sheet');

const listOf = (item) => z.object({ count: z.int(), results: z.array(item) });
const Project = z.object({ id: z.int(), name: z.string(), is_default: z.optional(z.boolean()) });
const Deployment = z.object({
  id: z.optional(z.string()),
  name: z.string(),
  api_keys: z.optional(z.nullable(z.array(z.string()))),
});
const Key = z.object({
  name: z.string(),
  created_at: z.optional(z.string()),
  expires_at: z.optional(z.nullable(z.string())),
});
const Created = z.object({ name: z.string(), secret: z.string().check(z.minLength(1)) });
const Form = z.object({
  name: z.string().check(z.minLength(1, 'Enter a name.')),
  project: z.string(),
  deployments: z.array(z.string()),
});

/** v3 binds after the key exists (re-read, then PATCH the whole list); v2 bound in the create. */
async function bindV3(project, name, deployments) {
  for (const d of deployments) {
    const current = await call(api.deployment(project, d), Deployment);
    await call(api.deployment(project, d), z.object({ tasks: z.array(z.string()) }), {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ api_keys: [...(current.api_keys ?? []), name] }),
    });
  }
}

async function call(url, schema, init) {
  // The server answers only calls that say they are the dashboard's, as the app's client does.
  const headers = { ...${JSON.stringify(REQUESTED_BY)}, ...init?.headers };
  const response = await fetch(url, { credentials: 'same-origin', ...init, headers });
  if (!response.ok) throw new Error(url + ' answered ' + response.status);
  return schema.parse(await response.json());
}

function CreateForm({ projects }) {
  const project = (projects.find((p) => p.is_default) ?? projects[0]).id;
  const deployments = useQuery({
    queryKey: ['deployments', project],
    queryFn: () => call(api.deployments(project), listOf(Deployment)),
  });
  const create = useMutation({
    mutationFn: async ({ name, deployments }) => ({
      deployments,
      ...(await call(api.keys(project), Created, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(api.body(project, name, deployments)),
      })),
    }),
  });
  const { register, handleSubmit, formState } = useForm({
    resolver: zodResolver(Form),
    defaultValues: { name: '', project: String(project), deployments: [] },
  });
  const dialog = useRef(null);
  useEffect(() => {
    if (!create.data) return;
    dialog.current?.showModal();
    const { name, deployments } = create.data;
    // After the dialog's frame, as the app's bindings: nothing may delay the secret.
    if (v3 && deployments.length > 0) {
      requestAnimationFrame(() => setTimeout(() => void bindV3(project, name, deployments).catch(() => {})));
    }
  }, [create.data, project]);
  return (
    <form onSubmit={handleSubmit((values) => create.mutate(values))}>
      <label htmlFor="name">Name</label>
      <input id="name" {...register('name')} />
      <p>{formState.errors.name?.message}</p>
      <label htmlFor="project">Project</label>
      <select id="project" {...register('project')}>
        {projects.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
      </select>
      <fieldset>
        <legend>Deployments</legend>
        {deployments.data?.results.map((d) => (
          <label key={d.name}><input type="checkbox" value={v3 ? d.name : d.id} {...register('deployments')} />{d.name}</label>
        ))}
      </fieldset>
      <button type="submit">Create API key</button>
      <p role="alert">{create.error?.message}</p>
      <dialog ref={dialog} aria-labelledby="reveal">
        <h2 id="reveal">Save your API key</h2>
        <output>{create.data?.secret}</output>
      </dialog>
    </form>
  );
}

function Keys({ project }) {
  const [size, setSize] = useState(25);
  const [text, setText] = useState('');
  const [filter, setFilter] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => {
      history.replaceState(null, '', text ? '?q=' + encodeURIComponent(text) : location.pathname);
      setFilter(text);
    }, 250);
    return () => clearTimeout(timer);
  }, [text]);
  const page = useQuery({
    queryKey: ['keys', project, size],
    queryFn: () => call(api.list(project, size, 0), listOf(Key)),
    enabled: api.pagesOnServer && filter === '',
  });
  const all = useQuery({
    queryKey: ['keys', project, 'all'],
    queryFn: async () => {
      const keys = [];
      for (let count = Infinity; keys.length < count; ) {
        const next = await call(api.list(project, 1000, keys.length), listOf(Key));
        keys.push(...next.results);
        count = next.results.length === 0 ? keys.length : next.count;
      }
      return api.pagesOnServer
        ? keys
        : keys.sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0));
    },
    enabled: !api.pagesOnServer || filter !== '',
  });
  const rows =
    filter || !api.pagesOnServer
      ? all.data?.filter((k) => k.name.includes(filter)).slice(0, size)
      : page.data?.results;
  return (
    <section aria-label="API keys">
      <input type="search" aria-label="Filter keys by name" value={text} onChange={(e) => setText(e.target.value)} />
      <label htmlFor="size">Rows per page</label>
      <select id="size" value={size} onChange={(e) => setSize(Number(e.target.value))}>
        {[10, 25, 50, 100, 250, 500, 1000].map((n) => <option key={n} value={n}>{n}</option>)}
      </select>
      <table>
        <thead><tr><th>Name</th><th>Created</th><th>Expires</th></tr></thead>
        <tbody>
          {rows?.map((k) => (
            <tr key={k.name}><td>{k.name}</td><td>{k.created_at}</td><td>{k.expires_at ?? 'Never'}</td></tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function App() {
  const projects = useQuery({
    queryKey: ['projects'],
    queryFn: () => call('/cloud/v1/projects?limit=1000&order_by=name.asc', listOf(Project)),
  });
  const list = projects.data?.results;
  if (!list?.length) return <p>{projects.error?.message ?? 'Loading…'}</p>;
  const project = (list.find((p) => p.is_default) ?? list[0]).id;
  return (
    <main>
      {sheet ? <CreateSheet projects={list} /> : <CreateForm projects={list} />}
      <Keys project={project} />
    </main>
  );
}

/** With ?sheet, as an app whose form opens in a side sheet: a native dialog, form mounted on open. */
function CreateSheet({ projects }) {
  const [opened, setOpened] = useState(false);
  const dialog = useRef(null);
  useEffect(() => {
    if (opened) dialog.current?.showModal();
  }, [opened]);
  return (
    <>
      <button type="button" onClick={() => (opened ? dialog.current?.showModal() : setOpened(true))}>
        Create API key
      </button>
      <dialog ref={dialog} aria-label="Create an API key">
        {opened && <CreateForm projects={projects} />}
      </dialog>
    </>
  );
}

createRoot(document.getElementById('root')).render(
  <QueryClientProvider client={new QueryClient()}>
    <App />
  </QueryClientProvider>,
);
`;
