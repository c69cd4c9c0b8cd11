import { build } from 'vite';
import { join } from 'node:path';
const out = (await build({ root: process.cwd(), configFile: join(process.cwd(), 'vite.config.ts'), logLevel: 'silent', build: { outDir: '/tmp/zzdist', emptyOutDir: true, write: false } })) as { output: Array<{ type: string; fileName: string; isEntry?: boolean; modules?: Record<string, { renderedLength: number }> }> };
const entry = out.output.find((o) => o.type === 'chunk' && o.isEntry)!;
const mods = Object.entries(entry.modules!).map(([id, m]) => [m.renderedLength, id.replace(process.cwd(), '')] as const).sort((a, b) => b[0] - a[0]);
for (const [n, id] of mods.filter(([, id]) => !id.includes('node_modules')).slice(0, 45)) console.log(n, id);
console.log('own total', mods.filter(([, id]) => !id.includes('node_modules')).reduce((a, [n]) => a + n, 0));
