"""A safe calculator for derived figures: + − × ÷, parentheses and numbers, nothing else.

Expressions are parsed with `ast` and walked; names, calls and attributes are refused,
so a formula taken from a question or a model can never run code.
"""
import ast
import operator

from assistant.errors import BadInput

OPERATORS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
SYMBOLS = str.maketrans({"×": "*", "÷": "/", "−": "-", "－": "-", "＋": "+", "（": "(", "）": ")", "，": "",
                         ",": ""})
MAX_LENGTH = 2000  # characters: a sum over a hundred indicators fits


def calculate(expression: str) -> float:
    """The value of an arithmetic expression such as "(70+69.88)-139.98" or "1774.18÷1824.18×100".

    Raises BadInput for anything but numbers, + - * /, unary minus and parentheses, and for
    division by zero.
    """
    text = expression.translate(SYMBOLS).replace("%", "*0.01").strip()
    if not text or len(text) > MAX_LENGTH:
        raise BadInput("算式为空或过长。")
    try:
        return _evaluate(ast.parse(text, mode="eval").body, expression)
    except SyntaxError as error:
        raise BadInput(f"算式无法解析：{expression}") from error
    except RecursionError as error:
        raise BadInput("算式嵌套过深。") from error


def _evaluate(node: ast.AST, expression: str) -> float:
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return float(node.value)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        value = _evaluate(node.operand, expression)
        return -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.BinOp) and type(node.op) in OPERATORS:
        left, right = _evaluate(node.left, expression), _evaluate(node.right, expression)
        if isinstance(node.op, ast.Div) and right == 0:
            raise BadInput(f"算式中除数为零：{expression}")
        return OPERATORS[type(node.op)](left, right)
    raise BadInput(f"算式只能包含数字、加减乘除和括号：{expression}")
