#!/usr/bin/python3
"""XGBoost baseline for the risk-engine benchmarks. Run ONLY with /usr/bin/python3 (Debian xgboost 1.7).

fit-predict: train on a CSV (first column label, then features), predict another CSV of the same
             layout, write one probability per line; prints timings as JSON.
simulate:    online selector (columns: label, period (-1 = labelled history), tiebreak, features...):
             each period train on all labelled rows, select the top max(1, floor(budget% x N)) by
             score (ties by tiebreak), reveal only those labels; prints selected row numbers per period.
Missing values are written as 'nan'. One thread (nthread=1).
"""
import argparse, json, sys, time
import numpy as np
import xgboost as xgb


def load(path):
    with open(path) as f:
        header = f.readline().strip().split(',')
    data = np.loadtxt(path, delimiter=',', skiprows=1, dtype=np.float64, ndmin=2)
    return header, data


def params(a):
    return {
        'objective': 'binary:logistic', 'tree_method': 'hist', 'max_depth': a.depth, 'eta': a.lr,
        'subsample': a.subsample, 'colsample_bytree': a.colsample, 'min_child_weight': 1, 'lambda': 1,
        'max_bin': 256, 'nthread': 1, 'seed': a.seed, 'verbosity': 0,
    }


def fit_predict(a):
    _, tr = load(a.train)
    _, te = load(a.test)
    t0, c0 = time.time(), time.process_time()
    dtr = xgb.DMatrix(tr[:, 1:], label=tr[:, 0], missing=np.nan, nthread=1)
    bst = xgb.train(params(a), dtr, a.trees)
    t1, c1 = time.time(), time.process_time()
    dte = xgb.DMatrix(te[:, 1:], missing=np.nan, nthread=1)
    t2, c2 = time.time(), time.process_time()
    p = bst.predict(dte)
    t3, c3 = time.time(), time.process_time()
    np.savetxt(a.out, p, fmt='%.9g')
    print(json.dumps({'train_seconds': t1 - t0, 'predict_seconds': t3 - t2, 'train_cpu_seconds': c1 - c0,
                      'predict_cpu_seconds': c3 - c2, 'train_rows': int(tr.shape[0]),
                      'test_rows': int(te.shape[0]), 'features': int(tr.shape[1] - 1)}))


def simulate(a):
    _, d = load(a.data)
    y, period, tie, X = d[:, 0], d[:, 1].astype(int), d[:, 2], d[:, 3:]
    labelled = list(np.nonzero(period < 0)[0])
    out = []
    for p in sorted(set(period[period >= 0].tolist())):
        rows = np.nonzero(period == p)[0]
        lab = np.array(labelled)
        bst = xgb.train(params(a), xgb.DMatrix(X[lab], label=y[lab], missing=np.nan, nthread=1), a.trees)
        s = bst.predict(xgb.DMatrix(X[rows], missing=np.nan, nthread=1))
        k = max(1, int(np.floor(a.budget * len(rows) / 100.0)))
        order = np.lexsort((tie[rows], -s))
        chosen = rows[order[:k]]
        labelled.extend(chosen.tolist())
        out.append([int(r) for r in chosen])
        print(f'period {p}: selected {k}, found {int(y[chosen].sum())}', file=sys.stderr)
    print(json.dumps(out))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('cmd', choices=['fit-predict', 'simulate'])
    ap.add_argument('--train'); ap.add_argument('--test'); ap.add_argument('--out'); ap.add_argument('--data')
    ap.add_argument('--seed', type=int, default=1); ap.add_argument('--trees', type=int, default=200)
    ap.add_argument('--depth', type=int, default=6); ap.add_argument('--lr', type=float, default=0.1)
    ap.add_argument('--subsample', type=float, default=1.0); ap.add_argument('--colsample', type=float, default=1.0)
    ap.add_argument('--budget', type=float, default=10.0)
    a = ap.parse_args()
    fit_predict(a) if a.cmd == 'fit-predict' else simulate(a)


if __name__ == '__main__':
    main()
