"""Extra SVM reference values for hanzo-qml (multi-class one-vs-one and epsilon-SVR on precomputed kernels).

Run with Debian's python3-sklearn 1.2.1 (the version of shared/reference/svm.json):
    /usr/bin/python3 make_svm_extra.py > svm_extra.json
Kernels are stored as computed here, so the tests exercise only the SVM solver.
"""
import json

import numpy as np
import sklearn
from sklearn.metrics.pairwise import rbf_kernel
from sklearn.svm import SVC, SVR


def rows(a):
    return np.asarray(a, dtype=float).tolist()


def classification_case(name, X, y, Xt, gamma, C, tol=1e-3):
    K = rbf_kernel(X, X, gamma=gamma)
    Kt = rbf_kernel(Xt, X, gamma=gamma)
    clf = SVC(kernel="precomputed", C=C, tol=tol).fit(K, y)
    ovo = SVC(kernel="precomputed", C=C, tol=tol, decision_function_shape="ovo").fit(K, y)
    return {
        "name": name,
        "params": {"C": C, "tol": tol, "gamma_used_for_kernel": gamma},
        "y_train": [int(v) for v in y],
        "K_train": rows(K),
        "K_test": rows(Kt),
        "classes_": [int(v) for v in clf.classes_],
        "support_": [int(v) for v in clf.support_],
        "n_support_": [int(v) for v in clf.n_support_],
        "dual_coef_": rows(clf.dual_coef_),
        "intercept_": rows(clf.intercept_),
        "decision_function_ovr_test": rows(clf.decision_function(Kt)),
        "decision_function_ovo_test": rows(ovo.decision_function(Kt)),
        "predict_test": [int(v) for v in clf.predict(Kt)],
        "predict_train": [int(v) for v in clf.predict(K)],
    }


rng = np.random.default_rng(2025)
cases = []

# Three overlapping blobs, labels 7, 2, 5 (first appearance is not sorted order).
centers = np.array([[0.0, 0.0], [1.5, 0.3], [0.6, 1.4]])
labels = np.array([7, 2, 5])
idx = rng.integers(0, 3, 60)
X = centers[idx] + rng.normal(0, 0.6, (60, 2))
y = labels[idx]
Xt = rng.uniform(-1.5, 2.5, (40, 2))
cases.append(classification_case("three_blobs_rbf", X, y, Xt, gamma=0.8, C=1.0))

# Four classes on a noisy grid, C = 10: many bounded and free vectors, vote ties likely in between.
idx = rng.integers(0, 4, 80)
centers4 = np.array([[0, 0], [1, 0], [0, 1], [1, 1]], dtype=float)
X4 = centers4[idx] + rng.normal(0, 0.35, (80, 2))
y4 = idx
Xt4 = rng.uniform(-0.5, 1.5, (60, 2))
cases.append(classification_case("four_corners_rbf_C10", X4, y4, Xt4, gamma=2.0, C=10.0))

# Binary, label 1 first in the data and C = 0.5.
Xb = rng.normal(0, 1, (50, 3))
yb = (Xb[:, 0] + 0.5 * Xb[:, 1] ** 2 + rng.normal(0, 0.4, 50) > 0.3).astype(int)
if yb[0] != 1:
    j = int(np.argmax(yb))
    Xb[[0, j]] = Xb[[j, 0]]
    yb[[0, j]] = yb[[j, 0]]
Xbt = rng.normal(0, 1, (30, 3))
cases.append(classification_case("binary_label1_first", Xb, yb, Xbt, gamma=0.3, C=0.5))

regression = []
for C, eps in [(1.0, 0.1), (10.0, 0.05)]:
    Xr = np.sort(rng.uniform(-3, 3, (70, 1)), axis=0)
    yr = np.sin(Xr[:, 0]) + 0.1 * rng.normal(0, 1, 70)
    Xrt = rng.uniform(-3, 3, (25, 1))
    K = rbf_kernel(Xr, Xr, gamma=0.5)
    Kt = rbf_kernel(Xrt, Xr, gamma=0.5)
    reg = SVR(kernel="precomputed", C=C, epsilon=eps).fit(K, yr)
    regression.append({
        "name": f"sine_rbf_C{C:g}_eps{eps:g}",
        "params": {"C": C, "epsilon": eps, "tol": 1e-3, "gamma_used_for_kernel": 0.5},
        "y_train": rows(yr),
        "K_train": rows(K),
        "K_test": rows(Kt),
        "support_": [int(v) for v in reg.support_],
        "dual_coef_": rows(reg.dual_coef_[0]),
        "intercept_": float(reg.intercept_[0]),
        "predict_test": rows(reg.predict(Kt)),
        "predict_train": rows(reg.predict(K)),
        "score_test_vs_sin": float(reg.score(Kt, np.sin(Xrt[:, 0]))),
        "y_test_sin": rows(np.sin(Xrt[:, 0])),
    })

print(json.dumps({
    "meta": {
        "generator": "tests/Hanzo.Qml.Tests/Reference/make_svm_extra.py",
        "sklearn_version": sklearn.__version__,
        "numpy_version": np.__version__,
        "libsvm": "sklearn.svm.SVC / SVR (bundled LIBSVM), kernel='precomputed', tol=1e-3, shrinking=True",
        "conventions": "decision_function_ovr_test is SVC's default (decision_function_shape='ovr'); decision_function_ovo_test the raw one-vs-one values (pair order (0,1),(0,2),...,(1,2),...; positive votes for the first class of the pair). Kernels are sklearn.metrics.pairwise.rbf_kernel with the gamma given.",
    },
    "classification": cases,
    "regression": regression,
}))
