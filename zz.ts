import { loadAnalyser } from '#app/modules/deidentify/analyser.server.ts'
import { checkTextWith } from '#app/modules/deidentify/server-check.server.ts'
const { analyser } = await loadAnalyser()
const probes = process.argv.slice(2).length ? process.argv.slice(2) : [
 '佐藤看護部長に報告した。','森医師が診察した。','林看護師が確認','原さんに説明','堀Nsが訪室','辻PTが介助','関医師','岡さん',
 'H.N.Nsが投与','M・Kさんの点滴','担当医（T.O.）が指示','患者（S.K.）は','K.T.看護師が',
 '3/14の朝に転倒','2/28 深夜に発見','3月14日に発生','3月14日（土）の夜','1/2錠を内服','1/3量','血圧120/80',
 '03(1234)5678に連絡','052(744)2609へ電話',
 '紹介元のさくら内科クリニックから','あおば整形外科から紹介','名古屋第一病院へ転院','みどり台クリニック','当院','大学病院','外科病棟',
 '502号室の患者','3番ベッド','711-2床','5階東病棟502号室で',
 '橋本病','薬剤部長に報告','看護部長が','川崎病の既往','パーキンソン病',
 '住所は昭和区鶴舞町1-1','中区栄3-1-1に住む','鶴舞町65番地',
 '昭和15年3月4日生','S15.3.4生まれ','生年月日は1930/2/11','1935.4.1生','DOB 1940-01-02','生年月日：昭和10年5月5日',
 '満92歳','91 歳','百歳の患者','93-year-old woman','age 95',
 'ケアマネさん','看護師 中島 美咲 が','患者名「村上健二」','緒方が','蓮見が転倒',
]
for (const p of probes) console.log(p.padEnd(24), JSON.stringify(checkTextWith(analyser, p).map(f=>`${f.type}:${f.severity}:${f.text}`)))
