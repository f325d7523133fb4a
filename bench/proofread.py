"""Benchmark of the proofreading engine: speed, memory, start-up, quality, and pycorrector beside it.

    .venv/bin/python bench/proofread.py [--megabytes 10] [--peer-python /path/to/bench-venv/bin/python]

Prints per-layer and whole-pipeline throughput on one core over generated government text (whose
template phrases repeat, so the statistical layer's context cache helps) and over real, varied
official sentences (ECSpell odw sources and policy titles, cache emptied first), peak memory,
start-up time; quality on ECSpell odw.test (sentence-level detection and correction
P/R/F1, false alarms on clean sentences; spelling findings only, as `evaluation.spelling` says why), false alarms per 10,000 characters of clean generated
text and on odw.test's corrected side, the seed notice's nine errors. With --peer-python (a separate venv holding pycorrector,
jieba, loguru and pypinyin installed with --no-deps), runs pycorrector's ProperCorrector on the same
data in a subprocess and prints its row beside ours. Also scores both halves of the development set of
real errors (bench/realerrors.py): documented wrong→right pairs corrected and clean government sentences
flagged.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

import realerrors

SHARED = Path(__file__).resolve().parents[2] / "shared"
ECSPELL = SHARED / "benchmarks" / "ecspell"
ODW_TEST = ECSPELL / "odw.test"
SEED = SHARED / "seed" / "000_d3f76ca612773a83.txt"
SEED_ERRORS = {
    ("党的二十精神", "党的二十大精神"), ("全面落实从严治党", "落实全面从严治党"), ("自热资源", "自然资源"),
    ("历行节约", "厉行节约"), ("截止目前", "截至目前"), ("攻克时艰", "共克时艰"),
    ("最后‘一公里’", "‘最后一公里’"), ("共度难关", "共渡难关"), ("京津翼", "京津冀"),
}

UNITS = ["县财政局", "县自然资源局", "县发改局", "县文旅局", "县农业农村局", "县教体局", "县卫健局", "县民政局",
         "县交通局", "县医保局", "县市场监管局", "县人社局", "县审计局", "县退役军人事务局", "首善街道", "汤峪镇", "齐镇"]
ACTIONS = ["召开专题会议", "开展专项检查", "组织集中学习", "深入基层调研", "部署安排重点工作", "举办业务培训班"]
TOPICS = ["安全生产", "乡村振兴", "优化营商环境", "政务公开", "防汛救灾", "疫情防控", "耕地保护", "民生实事",
          "项目建设", "招商引资", "信访维稳", "生态环境保护", "文明城市创建", "粮食安全"]
SENTENCES = [
    "{date}，{unit}{action}，传达学习党的二十大精神，研究部署{topic}工作。",
    "会议强调，要深入学习贯彻习近平新时代中国特色社会主义思想，落实全面从严治党主体责任，扎实推进{topic}各项任务。",
    "截至目前，{unit}已累计完成{topic}项目{n}个，完成投资{m}万元，占年度任务的{p}%。",
    "{unit}主要负责同志要求，各科室要提高政治站位，强化责任担当，确保{topic}工作取得实效。",
    "下一步，{unit}将坚持以人民为中心的发展思想，持续推动{topic}工作走深走实，打通服务群众“最后一公里”。",
    "据统计，{date}至今，全县共排查隐患{n}处，已整改{m}处，整改率{p}%。",
    "参会人员表示，将以此次活动为契机，厉行节约、反对浪费，以实际行动推动高质量发展。",
    "（{unit}供稿，联系电话：0917-55{n:05d}）",
]


LAYER_LABELS = {"lexicon": "第一层", "knowledge": "知识库", "expression": "第二层", "place": "地名",
                "statistical": "第三层", "punctuation": "第四层", "privacy": "第五层"}


def generate(megabytes: float, seed: int = 7) -> str:
    """Clean, realistic county news items (部门动态) of at least `megabytes` of UTF-8."""
    rng = random.Random(seed)
    target = int(megabytes * 1024 * 1024)
    items, size = [], 0
    while size < target:
        unit, topic = rng.choice(UNITS), rng.choice(TOPICS)
        title = f"{unit}{rng.choice(ACTIONS)}推进{topic}工作"
        body = [
            t.format(date=f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日", unit=unit, action=rng.choice(ACTIONS), topic=topic,
                     n=rng.randint(1, 999), m=rng.randint(1, 9999), p=rng.randint(1, 100))
            for t in rng.sample(SENTENCES, 5)
        ]
        item = title + "\n" + "\n".join(body) + "\n\n"
        items.append(item)
        size += len(item.encode("utf-8"))
    return "".join(items)


def throughput(check, text: str) -> float:
    started = time.process_time()
    check(text)
    return len(text.encode("utf-8")) / (time.process_time() - started) / 1e6


def startup_seconds() -> float:
    """Seconds for a fresh interpreter to import the engine and build the default proofreader."""
    code = "import time; t=time.perf_counter(); from govwatch.proofread import default_proofreader; default_proofreader(); print(time.perf_counter()-t)"
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)


PEER = r'''
import importlib.util, json, sys, time, types
from pathlib import Path
spec = importlib.util.find_spec("pycorrector")
root = Path(spec.submodule_search_locations[0])
package = types.ModuleType("pycorrector"); package.__path__ = [str(root)]  # skip __init__ (it imports torch)
sys.modules["pycorrector"] = package
from pycorrector.proper_corrector import ProperCorrector
names = Path(sys.argv[1]); names.write_text("\n".join(
    w for w in (l.split(" ")[0] for l in (root / "data" / "word_freq.txt").read_text(encoding="utf-8").splitlines()) if len(w) == 4
), encoding="utf-8")
corrector = ProperCorrector(proper_name_path=str(names))
out = []
for line in sys.stdin.read().split("\n"):
    started = time.perf_counter()
    result = corrector.correct(line)
    out.append({"target": result["target"], "seconds": time.perf_counter() - started})
print(json.dumps(out, ensure_ascii=False))
'''


def run_peer(python: str, sentences: list[str]) -> list[dict] | str:
    """pycorrector's outputs for `sentences`, or why it could not run."""
    names = Path("/tmp/govwatch-bench-proper-names.txt")
    try:
        done = subprocess.run([python, "-c", PEER, str(names)], input="\n".join(sentences), capture_output=True,
                              text=True, timeout=1800)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"无法运行：{exc}"
    if done.returncode:
        return "无法运行：" + done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "无法运行"
    return json.loads(done.stdout)


def print_real_errors(check) -> None:
    """Both halves of the development set of real errors: pairs corrected, detected, wrong findings, clean flagged."""
    print("\n== 真实差错开发集（bench/data/realerrors，调参只用 tune 半；test 半只看这里的汇总数字）==")
    print(f"  {'半区':<6}{'错例':>6}{'纠正':>6}{'召回':>8}{'检出':>6}{'错误发现':>8}{'干净句':>8}{'误报句':>8}{'误报率':>8}")
    for half in realerrors.HALVES:
        pairs = realerrors.score_pairs(realerrors.load_pairs(half), check)
        clean = realerrors.score_clean(realerrors.load_clean(half), check)
        print(f"  {half:<8}{pairs.pairs:>6}{pairs.corrected:>6}{pairs.recall:8.1%}{pairs.detected:>6}{pairs.wrong_findings:>8}"
              f"{clean.sentences:>8}{clean.flagged:>8}{clean.rate:8.1%}")
    print("  （纠正：有发现覆盖错处且按其建议改后即为正确句；检出：有发现覆盖错处；错误发现：错例上其余的发现；"
          "误报句：有任何发现的干净句）")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--peer-python", help="Python of a venv holding pycorrector (installed with --no-deps)")
    args = parser.parse_args()

    from govwatch.proofread import TextFinding, default_proofreader
    from govwatch.proofread.automaton import scannable
    from govwatch.proofread.evaluation import read_pairs, score, spelling

    print("== 启动 ==")
    print(f"启动时间（新进程导入并建好默认校对器）：{startup_seconds():.2f} s")
    proofreader = default_proofreader()

    text = generate(args.megabytes)
    megabytes = len(text.encode("utf-8")) / 1e6
    print(f"\n== 速度（单核，生成的部门动态文本 {megabytes:.1f} MB，{len(text):,} 字）==")
    scan = scannable(text)
    for layer in proofreader.layers:
        print(f"  {LAYER_LABELS[layer.name]:<8} {layer.name:<12} {throughput(layer.scan, scan):7.2f} MB/s")
    certain = [l for l in proofreader.layers if l.name != "statistical"]
    print(f"  第1、2、4、5层与知识库、地名合计 {throughput(lambda t: [l.scan(t) for l in certain], scan):7.2f} MB/s")
    started = time.process_time()
    findings = proofreader.check(text)
    whole = megabytes / (time.process_time() - started)
    print(f"  整个流程               {whole:7.2f} MB/s")
    print(f"  峰值内存（RSS，含 {megabytes:.1f} MB 文本）：{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    sure = sum(f.certain for f in findings)
    per = 10_000 / len(text)
    print(f"  干净文本误报：确定 {sure} 处（每万字 {sure * per:.3f}），疑似 {len(findings) - sure} 处（每万字 {(len(findings) - sure) * per:.3f}）")

    statistical = next(l for l in proofreader.layers if l.name == "statistical")
    varied = "\n".join(
        [line.split("\t")[1] for name in ("odw.train", "odw.test") for line in (ECSPELL / name).read_text(encoding="utf-8").splitlines()
         if line.count("\t") == 2]
        + [line.split("\t")[0] for line in (ECSPELL / "wordlist" / "政策法规标题.txt").read_text(encoding="utf-8").splitlines()]
    )
    print(f"\n== 速度（单核，真实公文句子：odw 原句与政策法规标题，{len(varied.encode('utf-8')) / 1e6:.2f} MB，{len(varied):,} 字，不重复，先清空缓存）==")
    statistical.clear_cache()
    print(f"  整个流程               {throughput(proofreader.check, varied):7.2f} MB/s")
    statistical.clear_cache()
    print(f"  第三层 statistical     {throughput(statistical.scan, scannable(varied)):7.2f} MB/s")
    pairs = read_pairs(ODW_TEST)
    clean_text = "\n".join(p.target for p in pairs)
    clean_findings = proofreader.check(clean_text)
    sure = sum(f.certain for f in clean_findings)
    per = 10_000 / len(clean_text)
    print(f"  odw.test 正确句（{len(clean_text):,} 字）误报：确定 {sure} 处（每万字 {sure * per:.2f}），"
          f"疑似 {len(clean_findings) - sure} 处（每万字 {(len(clean_findings) - sure) * per:.2f}）")

    print("\n== 通报所列 9 处错误 ==")
    seed = SEED.read_text(encoding="utf-8")
    found = {(f.wrong, f.suggestion) for f in proofreader.check(seed)}
    print(f"  govwatch 纠正 {len(SEED_ERRORS & found)}/9，其余发现 {len(found - SEED_ERRORS)} 处")

    print_real_errors(proofreader.check)

    print("\n== ECSpell odw.test（句级，pycorrector eval_model_batch 口径）==")
    started = time.perf_counter()
    checked = {p.source: proofreader.check(p.source) for p in pairs}
    per_sentence = (time.perf_counter() - started) / len(pairs) * 1000
    detection, correction = score(pairs, lambda sentence: spelling(checked[sentence]))
    other = sum(p.source == p.target and bool(checked[p.source]) and not spelling(checked[p.source]) for p in pairs)
    header = f"  {'系统':<28}{'检错P':>7}{'检错R':>7}{'检错F1':>8}{'纠错P':>7}{'纠错R':>7}{'纠错F1':>8}{'干净句误报':>10}{'ms/句':>8}{'通报9处':>8}"
    print(header)
    print(f"  {'govwatch':<28}{detection.precision:7.3f}{detection.recall:7.3f}{detection.f1:8.3f}"
          f"{correction.precision:7.3f}{correction.recall:7.3f}{correction.f1:8.3f}{correction.false_alarm_rate:10.1%}"
          f"{per_sentence:8.2f}{len(SEED_ERRORS & found):>6}/9")
    print(f"  （{correction.erroneous} 句有错，{correction.clean} 句无错；只计错别字、用法、规范表述类发现，"
          f"另有 {other} 句无错句只有标点或个人信息提示，不计入）")

    if args.peer_python:
        seed_lines = [line for line in seed.splitlines() if line.strip()]
        outputs = run_peer(args.peer_python, [p.source for p in pairs] + seed_lines)
        if isinstance(outputs, str):
            print(f"  pycorrector ProperCorrector：{outputs}")
            return
        targets = {p.source: o["target"] for p, o in zip(pairs, outputs)}

        def as_findings(sentence: str) -> list[TextFinding]:
            fixed = targets[sentence]
            return [TextFinding(i, 1, i, 1, a, b, "typo", "error", False, "peer", "")
                    for i, (a, b) in enumerate(zip(sentence, fixed)) if a != b]

        p_detection, p_correction = score(pairs, as_findings)
        peer_ms = sum(o["seconds"] for o in outputs[: len(pairs)]) / len(pairs) * 1000
        fixed_seed = "\n".join(o["target"] for o in outputs[len(pairs):])
        corrected = sum(right in fixed_seed and wrong not in fixed_seed.replace(right, "") for wrong, right in SEED_ERRORS)
        print(f"  {'pycorrector ProperCorrector':<28}{p_detection.precision:7.3f}{p_detection.recall:7.3f}{p_detection.f1:8.3f}"
              f"{p_correction.precision:7.3f}{p_correction.recall:7.3f}{p_correction.f1:8.3f}{p_correction.false_alarm_rate:10.1%}"
              f"{peer_ms:8.2f}{corrected:>6}/9")
        print("  （pycorrector 1.1.4 以 --no-deps 装在单独环境；默认纠错器需下载 2.95 GB 语言模型，离线不可用，"
              "故只跑 ProperCorrector，专名表用其 word_freq.txt 中的四字词）")


if __name__ == "__main__":
    main()
