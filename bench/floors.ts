/**
 * The throwaway apps the bundle is measured against, each built with the app's own build options.
 * `react` is the floor of the UI library alone. `stack` is the floor of the stack the product is
 * built on: every library the first screen cannot do without (React, TanStack Query,
 * react-hook-form with the zod resolver, zod/mini), each doing its job once, and nothing else.
 * The app's first load can only get as close to it as its own features allow.
 */
export const FLOORS = {
  react: {
    label: 'React + react-dom, one element',
    source:
      "import { createRoot } from 'react-dom/client';\n" +
      "createRoot(document.getElementById('root')).render(<p>Hello</p>);\n",
  },
  stack: {
    label: '+ Query, react-hook-form, zod/mini',
    source: `import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider, useMutation, useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import * as z from 'zod/mini';

const Key = z.object({
  name: z.string().check(z.minLength(1)),
  project_id: z.int(),
  inference_instance_ids: z.array(z.string()),
  expires_at: z.nullable(z.iso.datetime()),
});
const client = new QueryClient();

function App() {
  const list = useQuery({
    queryKey: ['keys'],
    queryFn: () => fetch('/keys').then((r) => r.json()).then((body) => z.array(Key).parse(body)),
  });
  const create = useMutation({
    mutationFn: (key) => fetch('/keys', { method: 'POST', body: JSON.stringify(key) }),
  });
  const { register, handleSubmit, formState } = useForm({ resolver: zodResolver(Key) });
  return (
    <form onSubmit={handleSubmit((key) => create.mutate(key))}>
      <input {...register('name')} aria-label="Name" />
      <p>{formState.errors.name?.message}</p>
      <p>{list.data?.length}</p>
    </form>
  );
}

createRoot(document.getElementById('root')).render(
  <QueryClientProvider client={client}>
    <App />
  </QueryClientProvider>,
);
`,
  },
} as const;

export type FloorName = keyof typeof FLOORS;
