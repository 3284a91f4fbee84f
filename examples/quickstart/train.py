#!/usr/bin/env python3
"""Logistic regression on generated data: a small, real training script.

It reads its parameters the seed 000 way (--experiment, --run_index, --seed and one
--override-<key> per parameter), reports a loss history with TRAINER_METRIC lines,
and writes checkpoints to $TRAINER_RUN_DIR/checkpoints. Standard library only.
"""
import argparse
import json
import math
import os
import random
import signal
import sys


def parse():
    p = argparse.ArgumentParser()
    p.add_argument("--experiment", required=True)
    p.add_argument("--run_index", type=int, required=True)
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--override-lr", type=float, default=0.1)
    p.add_argument("--override-epochs", type=int, default=30)
    p.add_argument("--override-samples", type=int, default=400)
    p.add_argument("--override-l2", type=float, default=0.0)
    p.add_argument("--override-noise", type=float, default=0.5)
    p.add_argument("--override-sleep", type=float, default=0.0)
    return p.parse_args()


def data(rng, n, noise):
    true_w = [1.5, -2.0, 0.5]
    xs, ys = [], []
    for _ in range(n):
        x = [rng.gauss(0, 1), rng.gauss(0, 1)]
        z = true_w[0] + true_w[1] * x[0] + true_w[2] * x[1] + rng.gauss(0, noise)
        xs.append(x)
        ys.append(1 if z > 0 else 0)
    return xs, ys


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def evaluate(w, xs, ys):
    loss, correct = 0.0, 0
    for x, y in zip(xs, ys):
        p = sigmoid(w[0] + w[1] * x[0] + w[2] * x[1])
        loss -= math.log(max(1e-12, p if y else 1 - p))
        correct += (p > 0.5) == bool(y)
    return loss / len(xs), correct / len(xs)


def main():
    a = parse()
    run_dir = os.environ.get("TRAINER_RUN_DIR", ".")
    ckpt = os.path.join(run_dir, "checkpoints")
    os.makedirs(ckpt, exist_ok=True)
    stop = {"now": False}
    signal.signal(signal.SIGTERM, lambda *_: stop.update(now=True))

    rng = random.Random(a.seed)
    xs, ys = data(rng, a.override_samples, a.override_noise)
    split = int(0.8 * len(xs))
    train, val = (xs[:split], ys[:split]), (xs[split:], ys[split:])
    w = [0.0, 0.0, 0.0]
    with open(os.path.join(ckpt, "init.json"), "w") as f:
        json.dump(w, f)
    for epoch in range(1, a.override_epochs + 1):
        order = list(range(len(train[0])))
        rng.shuffle(order)
        for i in order:
            x, y = train[0][i], train[1][i]
            p = sigmoid(w[0] + w[1] * x[0] + w[2] * x[1])
            g = p - y
            w[0] -= a.override_lr * g
            w[1] -= a.override_lr * (g * x[0] + a.override_l2 * w[1])
            w[2] -= a.override_lr * (g * x[1] + a.override_l2 * w[2])
        loss, acc = evaluate(w, *train)
        val_loss, val_acc = evaluate(w, *val)
        print("TRAINER_METRIC " + json.dumps({"step": epoch, "loss": round(loss, 5), "val_loss": round(val_loss, 5), "val_accuracy": round(val_acc, 4)}), flush=True)
        if a.override_sleep:
            import time
            time.sleep(a.override_sleep)
        if stop["now"]:
            with open(os.path.join(ckpt, "interrupted.json"), "w") as f:
                json.dump({"epoch": epoch, "w": w}, f)
            print(f"stopped at epoch {epoch}, checkpoint written", flush=True)
            sys.exit(143)
    with open(os.path.join(ckpt, "final.json"), "w") as f:
        json.dump(w, f)
    print(f"{a.experiment} run {a.run_index} seed {a.seed}: val_accuracy {val_acc:.3f}", flush=True)


if __name__ == "__main__":
    main()
