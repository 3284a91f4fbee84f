from trainer.model import predict


def test_predict_is_a_probability():
    assert 0.0 < predict([0.0, 1.0], [2.0]) < 1.0
