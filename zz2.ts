import { loadAnalyser } from '#app/modules/deidentify/analyser.server.ts'
const { analyser } = await loadAnalyser()
for (const t of process.argv.slice(2)) console.log(analyser.tokenize(t).map(x=>`${x.surface}/${x.pos}-${x.detail1}-${x.detail2}-${x.detail3}`).join(' '))
