import { InputNumber, type InputNumberProps } from 'antd';

/**
 * A number field written the Vietnamese way ("2,5"); a point typed is read as the decimal mark
 * too. No fractional step: it would show every whole number as "10,0".
 */
export function DecimalInput(props: InputNumberProps<number>) {
  return <InputNumber<number> decimalSeparator="," style={{ width: '100%' }} {...props} />;
}
