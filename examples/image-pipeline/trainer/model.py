import math


def predict(w, x):
    z = w[0] + sum(wi * xi for wi, xi in zip(w[1:], x))
    return 1.0 / (1.0 + math.exp(-z))
