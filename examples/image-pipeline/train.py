"""A tiny training entry point: logistic regression on generated data (standard library only)."""
import json
import math
import os
import random

from trainer.model import predict


def main() -> None:
    lr = float(os.environ.get("TRAINER_LR", "0.1"))
    seed = int(os.environ.get("TRAINER_SEED", "0"))
    rng = random.Random(seed)
    data = [([rng.gauss(0, 1), rng.gauss(0, 1)], 0) for _ in range(200)]
    data = [(x, 1 if x[0] + x[1] > 0 else 0) for x, _ in data]
    w = [0.0, 0.0, 0.0]
    for _ in range(50):
        for x, y in data:
            p = predict(w, x)
            for i, xi in enumerate([1.0] + x):
                w[i] += lr * (y - p) * xi
    loss = -sum(math.log(max(1e-9, predict(w, x) if y else 1 - predict(w, x))) for x, y in data) / len(data)
    print(json.dumps({"loss": round(loss, 4), "weights": [round(v, 3) for v in w]}))


if __name__ == "__main__":
    main()
